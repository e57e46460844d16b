import type { Activity } from 'botbuilder';
import { personalMessage, postActivity, postRaw, useBotAndConnector } from './helpers';

/**
 * What reaches POST /api/messages is checked before the bot sees it: a body that is not an
 * activity gets a 400 naming the field at fault and never repeating what was sent; invokes the
 * bot has no feature for get an answer in their sender's format, never an empty 501.
 */

const h = useBotAndConnector();

/** How the bot says a feature is missing ("isn't available", "not available"). */
const NOT_AVAILABLE = /n(?:o|')t available/;

/** Put in every hostile value: it must never come back. */
const MARKER = 'zqx-hostile-marker';

/** Where replies would go: the refused activities never get that far (the test cases are built before the connector starts). */
const NOWHERE = 'http://127.0.0.1:9';

const valid = (serviceUrl = NOWHERE): Record<string, unknown> => personalMessage(serviceUrl, 'help') as Record<string, unknown>;

function without(path: string): Record<string, unknown> {
  const activity = valid();
  const [top, inner] = path.split('.');
  if (inner) activity[top!] = { ...(activity[top!] as object), [inner]: undefined };
  else delete activity[top!];
  return activity;
}

function withValue(path: string, value: unknown): Record<string, unknown> {
  const activity = valid();
  const [top, inner] = path.split('.');
  if (inner) activity[top!] = { ...(activity[top!] as object), [inner]: value };
  else activity[top!] = value;
  return activity;
}

function expectRefusal(res: { status: number; body: string }, field?: string): void {
  expect(res.status).toBe(400);
  const body = JSON.parse(res.body) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.message).toBe('string');
  if (field) expect(body.error.message).toContain(` ${field} `);
  expect(res.body).not.toContain(MARKER);
  expect(h.connector.take()).toEqual([]);
}

test('a body that is not JSON gets a fixed 400 that does not quote it', async () => {
  for (const raw of [`{"type":"message","text":"${MARKER}`, `${MARKER}`, `{'type': '${MARKER}'}`]) {
    expectRefusal(await postRaw(h.bot.url, raw));
  }
});

test('JSON that is not an object, or not JSON at all, is refused', async () => {
  for (const raw of ['[1,2,3]', `"${MARKER}"`, 'null', '42', 'true']) expectRefusal(await postRaw(h.bot.url, raw));
  expectRefusal(await postRaw(h.bot.url, MARKER, { 'Content-Type': 'text/plain' }));
  expectRefusal(await postRaw(h.bot.url, ''));
});

test('{} is refused, naming type', async () => {
  expectRefusal(await postRaw(h.bot.url, '{}'), 'type');
});

describe('a missing or malformed required field is refused, by name', () => {
  /** [case, activity, the field the refusal names]. */
  const cases: [string, Record<string, unknown>, string][] = [];
  for (const field of ['type', 'channelId', 'serviceUrl', 'from', 'from.id', 'conversation', 'conversation.id']) {
    cases.push([`${field} missing`, without(field), field]);
    cases.push([`${field} a number`, withValue(field, 1234), field]);
    // An object without an id is refused for its id.
    cases.push([`${field} an object`, withValue(field, { marker: MARKER }), ['from', 'conversation'].includes(field) ? `${field}.id` : field]);
  }
  for (const field of ['type', 'channelId', 'from.id', 'conversation.id']) cases.push([`${field} empty`, withValue(field, ''), field]);
  for (const url of [MARKER, `javascript:${MARKER}`, `ftp://${MARKER}.example/`])
    cases.push([`serviceUrl "${url}"`, withValue('serviceUrl', url), 'serviceUrl']);
  cases.push(['from a string', withValue('from', MARKER), 'from']);
  cases.push(['conversation an array', withValue('conversation', [MARKER]), 'conversation']);

  test.each(cases)('%s', async (_name, activity, field) => {
    expectRefusal(await postRaw(h.bot.url, JSON.stringify(activity)), field);
  });
});

test('optional fields of the wrong type are refused too, and the bot still answers afterwards', async () => {
  for (const [field, value] of [
    ['text', { marker: MARKER }],
    ['name', 7],
    ['membersAdded', MARKER],
    ['entities', [MARKER]],
    ['channelData', MARKER],
    // Echoed into the reply (the recipient is the sender), where the connector's serializer would throw.
    ['from.aadObjectId', []],
    ['conversation.isGroup', MARKER],
  ] as const) {
    expectRefusal(await postRaw(h.bot.url, JSON.stringify(withValue(field, value))), field);
  }
  const res = await postActivity(h.bot.url, valid(h.connector.serviceUrl) as Partial<Activity>);
  expect(res.status).toBe(200);
  expect(h.connector.take()).toHaveLength(1);
});

test('an oversized body and an unknown address get fixed errors that repeat nothing', async () => {
  const huge = await postRaw(h.bot.url, JSON.stringify({ ...valid(), text: `${MARKER} ${'x'.repeat(600 * 1024)}` }));
  expect(huge.status).toBe(413);
  expect(huge.body).not.toContain(MARKER);
  const missing = await fetch(`${h.bot.url}/${MARKER}/page`);
  expect(missing.status).toBe(404);
  expect(await missing.text()).not.toContain(MARKER);
});

describe('invokes the bot has no feature for', () => {
  const invoke = (name: string | undefined, value: unknown) =>
    postActivity(h.bot.url, { ...personalMessage(h.connector.serviceUrl, undefined), type: 'invoke', ...(name ? { name } : {}), value } as Partial<Activity>);

  test.each([['config/fetch'], ['composeExtension/querySettingUrl'], [`${MARKER}/unknown`], ['constructor'], [undefined]])(
    '%s gets an error body, not an empty 501',
    async (name) => {
      const res = await invoke(name, { marker: MARKER });
      expect(res.status).toBeLessThan(500);
      const body = JSON.parse(res.body) as { type: string; value: { code: string; message: string } };
      expect(body.type).toBe('application/vnd.microsoft.error');
      expect(body.value.message).toMatch(NOT_AVAILABLE);
      expect(res.body).not.toContain(MARKER);
      expect(h.connector.take()).toEqual([]);
    },
  );

  test('task/fetch opens a task module that says the action is not available', async () => {
    const res = await invoke('task/fetch', { data: { marker: MARKER } });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { task: { type: string; value: string } };
    expect(body.task.type).toBe('message');
    expect(body.task.value).toMatch(NOT_AVAILABLE);
    expect(res.body).not.toContain(MARKER);
  });

  test('an Action.Execute verb the bot does not know gets the Adaptive Card error response', async () => {
    const res = await invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb: MARKER, data: { marker: MARKER } } });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'NotSupported', message: expect.stringMatching(NOT_AVAILABLE) },
    });
    expect(res.body).not.toContain(MARKER);
    // A malformed one too (Bot Framework's own check would repeat the action type it was given).
    const malformed = await invoke('adaptiveCard/action', { action: { type: MARKER } });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest' } });
    expect(malformed.body).not.toContain(MARKER);
  });
});
