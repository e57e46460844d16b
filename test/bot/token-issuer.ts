import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MicrosoftAppCredentials, PasswordServiceClientCredentialFactory, type ServiceClientCredentials } from 'botframework-connector';
import type { BotEndpointSettings } from '../../bot/adapter';

/**
 * A stand-in for the Bot Framework's token service: an OpenID metadata document and its keys
 * (JWKS) served on localhost, and a small JWT signer, so tests can send the bot tokens that are
 * good, expired, for someone else, badly signed, unsigned or signed the wrong way.
 */

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Channels this key may sign for (Bot Framework's endorsements); none = any. */
  endorsements?: string[];
}

export function newSigningKey(kid: string, endorsements?: string[]): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey, ...(endorsements ? { endorsements } : {}) };
}

export interface IdentityProvider {
  /** The token issuer (iss), also this server's address. */
  issuer: string;
  metadataUrl: string;
  close(): Promise<void>;
}

/** Serve the metadata document and the public keys of `keys`; `status` makes the metadata answer an error instead. */
export async function startIdentityProvider(keys: readonly SigningKey[], opts: { status?: number } = {}): Promise<IdentityProvider> {
  let base = '';
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (opts.status) return send(opts.status, { error: 'unavailable' });
    if (req.url === '/.well-known/openid-configuration') {
      return send(200, { issuer: base, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (req.url === '/keys') {
      return send(200, {
        keys: keys.map((k) => ({
          ...k.publicKey.export({ format: 'jwk' }),
          kid: k.kid,
          use: 'sig',
          ...(k.endorsements ? { endorsements: k.endorsements } : {}),
        })),
      });
    }
    send(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer: base,
    metadataUrl: `${base}/.well-known/openid-configuration`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A localhost address nothing listens on (a server is started, its port noted, and it is closed). */
export async function deadAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Every endpoint setting Bot Framework needs (all or none), pointed at this metadata document. */
export function endpointsFor(issuer: string, metadataUrl: string): BotEndpointSettings {
  return {
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromChannelTokenIssuer: issuer,
    ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
    ToChannelFromBotLoginUrl: `${issuer}/login`,
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: `${issuer}/oauth`,
  };
}

/**
 * The real app-id check (a token's audience must be this app) with unsigned replies: the
 * stand-in channel needs no token from Entra.
 */
export class LocalChannelCredentials extends PasswordServiceClientCredentialFactory {
  override createCredentials(): Promise<ServiceClientCredentials> {
    return Promise.resolve(MicrosoftAppCredentials.Empty);
  }
}

// ---- tokens ------------------------------------------------------------------------------------

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export type Signer = (input: string) => string;

export const rs256 =
  (key: KeyObject): Signer =>
  (input) =>
    sign('sha256', Buffer.from(input), key).toString('base64url');

export const hs256 =
  (secret: string): Signer =>
  (input) =>
    createHmac('sha256', secret).update(input).digest('base64url');

export const noSignature: Signer = () => '';

export function jwt(header: Record<string, unknown>, payload: Record<string, unknown>, signer: Signer): string {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${signer(input)}`;
}

/** The claims of a good channel token, valid for an hour. */
export function channelClaims(opts: { issuer: string; appId: string; serviceUrl: string }): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: opts.issuer, aud: opts.appId, serviceurl: opts.serviceUrl, iat: now - 60, nbf: now - 60, exp: now + 3600 };
}
