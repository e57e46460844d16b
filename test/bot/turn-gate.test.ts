import type { Activity, Storage } from 'botbuilder';
import { MESSAGES } from '../../bot/messages';
import { USER, cardsIn, personalMessage, postActivity, sendToBot, useBotAndConnector } from './helpers';

const OUR_TENANT = '11111111-1111-4111-8111-111111111111';
const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';

describe('tenant allow-list (ALLOWED_TENANT_IDS)', () => {
  const h = useBotAndConnector({ env: { ALLOWED_TENANT_IDS: OUR_TENANT } });
  const ask = (tenantId: string | undefined) => {
    const m = personalMessage(h.connector.serviceUrl, 'what is a DASH risk assessment');
    return sendToBot(h.bot, h.connector, {
      ...m,
      conversation: { ...m.conversation!, ...(tenantId ? { tenantId } : {}) },
      channelData: tenantId ? { tenant: { id: tenantId } } : {},
    } as Partial<Activity>);
  };

  test('a user in the allowed tenant gets an answer', async () => {
    expect(cardsIn(await ask(OUR_TENANT))).toHaveLength(1);
  });

  test('a user in another tenant, or with no tenant, gets nothing at all', async () => {
    expect(await ask(OTHER_TENANT)).toEqual([]);
    expect(await ask(undefined)).toEqual([]);
  });

  test("another tenant's invoke is refused with a 403 that says nothing about why, and nothing is sent", async () => {
    const m = personalMessage(h.connector.serviceUrl, undefined);
    const res = await postActivity(h.bot.url, {
      ...m,
      type: 'invoke',
      name: 'composeExtension/query',
      value: { commandId: 'searchPolicy', parameters: [{ name: 'query', value: 'refuge' }] },
      conversation: { ...m.conversation!, tenantId: OTHER_TENANT },
    } as Partial<Activity>);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ type: 'application/vnd.microsoft.error', value: { code: 'Forbidden' } });
    expect(res.body).not.toMatch(/tenant|organi[sz]ation/i);
    expect(h.connector.take()).toEqual([]);
  });
});

describe('per-user rate (RATE_LIMIT_PER_MINUTE)', () => {
  const h = useBotAndConnector({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
  const say = (text: string, userId = USER.id) =>
    sendToBot(h.bot, h.connector, personalMessage(h.connector.serviceUrl, text, { from: { ...USER, id: userId, aadObjectId: userId } }));

  test('past the limit the user is told once to slow down, then ignored; others are unaffected', async () => {
    for (let i = 0; i < 3; i++) expect((await say('help', 'user-a')).length).toBeGreaterThan(0);
    const told = await say('help', 'user-a');
    expect(told.map((r) => r.activity.text)).toEqual([MESSAGES.slowDown]);
    expect(await say('help', 'user-a')).toEqual([]);
    expect((await say('help', 'user-b')).length).toBeGreaterThan(0);
  });

  test('an invoke past the limit gets a 429 telling the user to slow down', async () => {
    const invoke = () =>
      postActivity(h.bot.url, {
        ...personalMessage(h.connector.serviceUrl, undefined, { from: { ...USER, id: 'user-c', aadObjectId: 'user-c' } }),
        type: 'invoke',
        name: 'task/fetch',
      });
    for (let i = 0; i < 3; i++) expect((await invoke()).status).toBe(200);
    const refused = await invoke();
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({ value: { code: 'TooManyRequests', message: MESSAGES.slowDown } });
  });
});

describe('storage that does not answer (STORAGE_TIMEOUT_MS, STORAGE_BREAKER_FAILURES)', () => {
  let calls = 0;
  const hang = () => {
    calls++;
    return new Promise<never>(() => undefined);
  };
  const never: Storage = { read: hang, write: hang, delete: hang };
  const h = useBotAndConnector({ env: { STORAGE_TIMEOUT_MS: '300', STORAGE_BREAKER_FAILURES: '2', STORAGE_BREAKER_OPEN_MS: '600000' }, storage: never });
  const say = (text: string) => sendToBot(h.bot, h.connector, personalMessage(h.connector.serviceUrl, text));

  test('a question is still answered; a triage, which needs storage, gets a plain apology', async () => {
    expect(cardsIn(await say('what is a DASH risk assessment'))).toHaveLength(1);
    expect((await say('triage')).map((r) => r.activity.text)).toEqual([MESSAGES.storageSlow]);
  });

  test('after repeated timeouts storage is not waited for at all, and answers carry on', async () => {
    const before = calls;
    expect(before).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 3; i++) expect(cardsIn(await say('what is a DASH risk assessment'))).toHaveLength(1);
    expect((await say('triage')).map((r) => r.activity.text)).toEqual([MESSAGES.storageSlow]);
    expect(calls).toBe(before);
  });
});
