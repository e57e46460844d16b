import { type Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { BotAuthSettings } from './config';
import { errorSite } from './error-site';
import { SERVER_PROBLEM } from './http-errors';
import { MESSAGES } from './messages';
import type { Logger } from './log';
import { ReusedConnectors } from './reused-connectors';
import { StorageError } from './storage-errors';

export type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;

/**
 * Where tokens come from and where replies go, for a cloud other than the public one (or a test's
 * own identity provider). Bot Framework uses only the values given once any of them is set, so it
 * is all of them or none.
 */
export interface BotEndpointSettings {
  ToBotFromChannelOpenIdMetadataUrl: string;
  ToBotFromChannelTokenIssuer: string;
  ToBotFromEmulatorOpenIdMetadataUrl: string;
  ToChannelFromBotLoginUrl: string;
  ToChannelFromBotOAuthScope: string;
  OAuthUrl: string;
}

const ENDPOINT_KEYS: readonly (keyof BotEndpointSettings)[] = [
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromChannelTokenIssuer',
  'ToBotFromEmulatorOpenIdMetadataUrl',
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
  'OAuthUrl',
];

/**
 * Bot Framework auth from the configuration. With no MicrosoftAppId, requests are accepted
 * unauthenticated. `credentials` replaces how replies are signed (tests: no token for a local channel).
 */
export function createAuth(
  settings: BotAuthSettings & Partial<BotEndpointSettings>,
  credentials?: ServiceClientCredentialsFactory,
): BotFrameworkAuthentication {
  const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined && v !== ''));
  const given = ENDPOINT_KEYS.filter((k) => k in defined);
  if (given.length > 0 && given.length < ENDPOINT_KEYS.length) {
    throw new Error(
      `Bot Framework endpoints: set all of ${ENDPOINT_KEYS.join(', ')} or none (missing ${ENDPOINT_KEYS.filter((k) => !(k in defined)).join(', ')})`,
    );
  }
  // The connector clients replies go through are reused between turns (bot/reused-connectors.ts).
  return new ReusedConnectors(new ConfigurationBotFrameworkAuthentication(defined, credentials));
}

/** Why a request was not authenticated: the token is not good, or its keys could not be fetched to check it. */
export type AuthRefusal = 'unauthorised' | 'unavailable';

/** An error from authentication, classified. Unknown errors refuse the request (401); only a failed key fetch is 503. */
export function authRefusal(error: unknown): AuthRefusal {
  if (AuthenticationError.isStatusCodeError(error)) return error.statusCode >= 500 ? 'unavailable' : 'unauthorised';
  // node-fetch's network errors (DNS, refused, reset) while fetching the OpenID metadata or keys.
  return error instanceof Error && error.name === 'FetchError' ? 'unavailable' : 'unauthorised';
}

export type ProcessOutcome = { refused: AuthRefusal; error: string } | { refused?: undefined; response?: InvokeResponse };

/**
 * A CloudAdapter that authenticates before the turn and reports a refusal instead of answering it
 * itself (CloudAdapter.process writes the error's message, which names what failed, into the body).
 */
export class CheckedAdapter extends CloudAdapter {
  async processChecked(authHeader: string, activity: Activity, logic: (turn: TurnContext) => Promise<void>): Promise<ProcessOutcome> {
    let auth: AuthenticateRequestResult;
    try {
      auth = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (error) {
      return { refused: authRefusal(error), error: error instanceof Error ? error.name : 'unknown' };
    }
    return { response: await this.processActivity(auth, activity, logic) };
  }
}

/**
 * The channel refused or dropped a reply even after the connector client's own retries (it
 * retries 408, 5xx except 501/505, and connection errors such as ECONNRESET three times with
 * exponential backoff): an apology sent the same way would most likely fail too.
 */
function isChannelFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'RestError';
}

/** A CloudAdapter whose turn errors are logged (name and where it was thrown, never the message) and answered with an apology. */
export function createAdapter(auth: BotFrameworkAuthentication, log: Logger): CheckedAdapter {
  const adapter = new CheckedAdapter(auth);
  adapter.onTurnError = async (turn, error) => {
    const status = (error as { statusCode?: unknown }).statusCode;
    log.error('turn-error', {
      type: turn.activity.type,
      activityId: turn.activity.id,
      error: error instanceof Error ? error.name : 'unknown',
      at: errorSite(error),
      ...(typeof status === 'number' ? { status } : {}),
    });
    if (isChannelFailure(error)) return;
    try {
      // An invoke is answered in the HTTP response: a fixed error, not Bot Framework's empty 501.
      if (turn.activity.type === 'invoke') await turn.sendActivity({ type: 'invokeResponse', value: { status: 500, body: SERVER_PROBLEM } });
      await turn.sendActivity(error instanceof StorageError ? MESSAGES.storageSlow : MESSAGES.turnError);
    } catch {
      // The channel may be the thing that failed; nothing more to do.
    }
  };
  return adapter;
}
