import type { Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';

/** Distinct (bot, service URL, audience) clients kept; Teams uses a handful of service URLs. */
const MAX_CLIENTS = 64;

/**
 * The Bot Framework authentication the adapter was given, except that the connector client a
 * turn replies through is made once per bot, service URL and audience and then reused. The SDK
 * builds a new client (credentials, HTTP pipeline) for every incoming request, which cost about a
 * twentieth of a message's CPU; the client holds no per-turn state, and its token comes from the
 * SDK's process-wide token cache either way.
 */
export class ReusedConnectors extends BotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.factory(claimsIdentity, this.inner.createConnectorFactory(claimsIdentity));
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory ? { ...result, connectorFactory: this.factory(result.claimsIdentity, result.connectorFactory) } : result;
  }

  /** The SDK's factory, remembering what it made for this bot (the app id the SDK's own factory uses). */
  private factory(claims: ClaimsIdentity, made: ConnectorFactory): ConnectorFactory {
    const appId = claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claims.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
    return {
      create: (serviceUrl: string, audience?: string) => {
        const key = JSON.stringify([appId, serviceUrl, audience ?? null]);
        const known = this.clients.get(key);
        if (known) return known;
        const client = made.create(serviceUrl, audience);
        client.catch(() => this.clients.delete(key));
        if (this.clients.size >= MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
        this.clients.set(key, client);
        return client;
      },
    };
  }
}
