import type { Activity } from 'botbuilder';
import { UNAUTHORISED } from '../../bot/activity-route';
import { createAuth } from '../../bot/adapter';
import { cardText, cardsIn, personalMessage, postActivity, startBot, startConnector, type ConnectorListener, type RunningBot } from './helpers';
import {
  channelClaims,
  deadAddress,
  endpointsFor,
  hs256,
  jwt,
  LocalChannelCredentials,
  newSigningKey,
  noSignature,
  rs256,
  startIdentityProvider,
  type IdentityProvider,
  type SigningKey,
} from './token-issuer';

/**
 * Bot Framework authentication through the real endpoint, against a token service of the test's
 * own: only a good token for this app, from the configured issuer, signed by a published key
 * endorsed for the channel, reaches the bot. Everything else gets one fixed 401 and nothing runs.
 */

const APP_ID = '7d0c1f4e-2b8a-4c3d-9e5f-6a7b8c9d0e1f';
const OUR_TENANT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const OTHER_TENANT = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';
/** What an error body must never show: internals of the token check or the network. */
const INTERNALS = /getaddrinfo|ECONNREFUSED|fetch|jwt|signature|token (?:has )?expired|algorithm|endorse|issuer|audience|openid|stack|Error:/i;

let key: SigningKey;
/** Published, but endorsed for another channel only. */
let slackKey: SigningKey;
let idp: IdentityProvider;
let connector: ConnectorListener;
let bot: RunningBot;
let quiet: jest.SpyInstance;

/** A bot with an app id that trusts `metadataUrl`, allowing OUR_TENANT only. */
function securedBot(issuer: string, metadataUrl: string): Promise<RunningBot> {
  return startBot({
    env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', ALLOWED_TENANT_IDS: OUR_TENANT },
    auth: (config) => createAuth({ ...config.auth, ...endpointsFor(issuer, metadataUrl) }, new LocalChannelCredentials(APP_ID, 'not-a-real-secret')),
  });
}

beforeAll(async () => {
  // Bot Framework's token code prints each failure with console.error; expected here.
  quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  key = newSigningKey('channel-key', ['msteams']);
  slackKey = newSigningKey('other-channel-key', ['slack']);
  idp = await startIdentityProvider([key, slackKey]);
  connector = await startConnector();
  bot = await securedBot(idp.issuer, idp.metadataUrl);
});

afterAll(async () => {
  await bot?.close();
  await connector?.close();
  await idp?.close();
  quiet.mockRestore();
});

beforeEach(() => connector.take());

function message(extra: Partial<Activity> = {}): Partial<Activity> {
  return personalMessage(connector.serviceUrl, 'help', {
    conversation: { id: 'a:auth-chat', conversationType: 'personal', isGroup: false, name: '', tenantId: OUR_TENANT },
    ...extra,
  });
}

const goodClaims = () => channelClaims({ issuer: idp.issuer, appId: APP_ID, serviceUrl: connector.serviceUrl });
const signed = (claims: Record<string, unknown>, signingKey = key, header: Record<string, unknown> = {}) =>
  jwt({ alg: 'RS256', typ: 'JWT', kid: signingKey.kid, ...header }, claims, rs256(signingKey.privateKey));
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

test('a good token is accepted and the message answered', async () => {
  const res = await postActivity(bot.url, message(), bearer(signed(goodClaims())));
  expect(res.status).toBe(200);
  const [card] = cardsIn(connector.take());
  expect(cardText(card)).toContain('What I can do');
});

describe('a request without a good token gets one fixed 401 and nothing runs', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, () => Record<string, string>][] = [
    ['no Authorization header', () => ({})],
    ['not a bearer token', () => ({ Authorization: 'Basic dXNlcjpwYXNz' })],
    ['a bearer that is not a token', () => bearer('not.a.token')],
    ['expired an hour ago', () => bearer(signed({ ...goodClaims(), iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }))],
    ['not valid until tomorrow', () => bearer(signed({ ...goodClaims(), nbf: now() + 86_400 }))],
    ['for another app (audience)', () => bearer(signed({ ...goodClaims(), aud: '0e8f2d6c-1111-4222-8333-944455556666' }))],
    ['from another issuer', () => bearer(signed({ ...goodClaims(), iss: 'https://tokens.example.net/' }))],
    ['for another serviceUrl', () => bearer(signed({ ...goodClaims(), serviceurl: 'https://smba.example.net/' }))],
    ['signed by a key nobody published', () => bearer(signed(goodClaims(), { ...newSigningKey('x'), kid: key.kid }))],
    ['alg none, no signature', () => bearer(jwt({ alg: 'none', typ: 'JWT', kid: key.kid }, goodClaims(), noSignature))],
    [
      'HS256 keyed with the public key',
      () => bearer(jwt({ alg: 'HS256', typ: 'JWT', kid: key.kid }, goodClaims(), hs256(key.publicKey.export({ type: 'spki', format: 'pem' }) as string))),
    ],
    ['signed by a key endorsed for another channel', () => bearer(signed(goodClaims(), slackKey))],
  ];

  test.each(cases)('%s', async (_name, headers) => {
    const run = jest.spyOn(bot.bot, 'run');
    try {
      const res = await postActivity(bot.url, message(), headers());
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toEqual(UNAUTHORISED);
      expect(run).not.toHaveBeenCalled();
      expect(connector.take()).toEqual([]);
    } finally {
      run.mockRestore();
    }
  });
});

test('a good token from a tenant not on the allow-list is not answered', async () => {
  const foreign = message({ conversation: { id: 'a:auth-chat', conversationType: 'personal', isGroup: false, name: '', tenantId: OTHER_TENANT } });
  const res = await postActivity(bot.url, foreign, bearer(signed(goodClaims())));
  expect(res.status).toBe(200);
  expect(connector.take()).toEqual([]);
});

describe('when the token keys cannot be fetched, the answer is 503 or 401 with no internals, and nothing runs', () => {
  test.each([
    [
      'nothing listens at the metadata address',
      async () => ({
        issuer: 'https://tokens.example.org/',
        metadataUrl: `${await deadAddress()}/.well-known/openid-configuration`,
        close: async () => undefined,
      }),
    ],
    ['the metadata address answers 500', () => startIdentityProvider([key], { status: 500 })],
  ] as const)('%s', async (_name, provider) => {
    const down = await provider();
    const unreachable = await securedBot(down.issuer, down.metadataUrl);
    const run = jest.spyOn(unreachable.bot, 'run');
    try {
      const claims = channelClaims({ issuer: down.issuer, appId: APP_ID, serviceUrl: connector.serviceUrl });
      const res = await postActivity(unreachable.url, message(), bearer(signed(claims)));
      expect([401, 503]).toContain(res.status);
      expect(res.body).not.toMatch(INTERNALS);
      expect(run).not.toHaveBeenCalled();
      expect(connector.take()).toEqual([]);
    } finally {
      run.mockRestore();
      await unreachable.close();
      await down.close();
    }
  });
});
