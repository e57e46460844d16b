import { errorSite } from '../../bot/error-site';
import { projectRoot } from '../../knowledge/paths';
import type { LogFields, Logger } from '../../bot/log';
import { personalMessage, postActivity, startBot, startConnector, type ConnectorListener, type RunningBot } from './helpers';

/** The hard rule: the log holds activity types, ids, outcomes and timings, never what was typed. */

const PRIVATE = 'Jayden Smith of 14 Acacia Road';
const logged: string[] = [];
const record = (event: string, fields?: LogFields) => void logged.push(`${event} ${JSON.stringify(fields ?? {})}`);
const capture: Logger = { info: record, warn: record, error: record };

let bot: RunningBot;
let connector: ConnectorListener;

beforeAll(async () => {
  connector = await startConnector();
  bot = await startBot({
    log: capture,
    setup: (b) =>
      b.registerCommand({
        name: 'explode',
        match: (t) => t.startsWith('explode'),
        // Parsers and validators put their input in their error messages; this stands for them.
        handle: async ({ text }) => {
          throw new Error(`cannot read "${text}"`);
        },
      }),
  });
});

afterAll(async () => {
  await bot.close();
  await connector.close();
});

beforeEach(() => {
  logged.length = 0;
  connector.take();
});

test('a question is logged by id and outcome, never by its words', async () => {
  const res = await postActivity(bot.url, personalMessage(connector.serviceUrl, `is ${PRIVATE} at risk from domestic abuse`));
  expect(res.status).toBe(200);
  expect(logged.some((l) => l.startsWith('answer '))).toBe(true);
  expect(logged.join('\n')).not.toMatch(/Acacia|Jayden/);
});

test('a turn that throws is logged with the error name and where, not its message (which may quote the user)', async () => {
  const res = await postActivity(bot.url, personalMessage(connector.serviceUrl, `explode ${PRIVATE}`));
  expect(res.status).toBe(200);
  const errors = logged.filter((l) => l.startsWith('turn-error '));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('"error":"Error"');
  expect(errors[0]).toMatch(/"at":"test\/bot\/logging\.test\.ts:\d+:\d+"/);
  expect(logged.join('\n')).not.toMatch(/Acacia|Jayden|cannot read/);
});

test('errorSite gives the first frame relative to the project, and nothing for non-errors', () => {
  const err = new Error('x');
  err.stack = `Error: x\n    at PolicyBot.answer (${projectRoot}/dist/bot/handler.js:120:7)\n    at next (node:internal/x:1:1)`;
  expect(errorSite(err)).toBe('dist/bot/handler.js:120:7');
  err.stack = 'Error: x\n    at node:internal/process/task_queues:95:5';
  expect(errorSite(err)).toBe('node:internal/process/task_queues:95:5');
  expect(errorSite('a string')).toBeUndefined();
});

test('a refused request is logged by the field at fault or the kind of failure, never by what was sent', async () => {
  const malformed = { ...personalMessage(connector.serviceUrl, `about ${PRIVATE}`), from: { id: 42, name: PRIVATE } };
  expect((await postActivity(bot.url, malformed as never)).status).toBe(400);
  const invalidJson = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `{"text":"${PRIVATE}` });
  expect(invalidJson.status).toBe(400);
  expect(logged.filter((l) => l.startsWith('activity-rejected '))).toEqual(['activity-rejected {"field":"from.id"}']);
  expect(logged.join('\n')).not.toMatch(/Acacia|Jayden/);
});
