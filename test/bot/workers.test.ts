import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { MESSAGES } from '../../bot/messages';
import { USER, personalMessage, startConnector, type ConnectorListener } from './helpers';
import { spawnBot, until } from './spawn-bot';
import { freePort } from '../../scripts/free-port';

/**
 * WORKERS=2 through the real entry point (bot/index.ts): a primary and two workers sharing the
 * port, file storage, local chat off. Each request opens its own connection, so the primary hands
 * them round both workers.
 */
jest.setTimeout(180_000);

/** One request on a connection of its own (no keep-alive), so that successive requests reach different workers. */
function call(port: number, method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port, method, path, agent: false, headers: { Connection: 'close', ...(payload ? { 'Content-Type': 'application/json' } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

let bot: ChildProcess;
let port: number;
let dataDir: string;
let connector: ConnectorListener;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), 'workers-test-'));
  connector = await startConnector();
  bot = spawnBot(
    {
      ...process.env,
      PORT: String(port),
      WORKERS: '2',
      STORAGE: 'file',
      STORAGE_DIR: dataDir,
      LOCAL_CHAT: 'false',
      OPEN_BROWSER: 'false',
      MicrosoftAppId: '',
      RATE_LIMIT_PER_MINUTE: '3',
    },
    ['ignore', 'pipe', 'ignore'],
  );
  let partial = '';
  bot.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) logLines.push(JSON.parse(line) as Record<string, unknown>);
  });
  await until(async () => (await call(port, 'GET', '/readyz')).status === 200, 'both workers to be ready');
});

afterAll(async () => {
  if (bot && bot.exitCode === null) {
    const exited = new Promise((r) => bot.once('exit', r));
    bot.kill('SIGTERM');
    await exited;
  }
  await connector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const say = (text: string, userId: string) =>
  call(port, 'POST', '/api/messages', personalMessage(connector.serviceUrl, text, { from: { ...USER, id: userId, aadObjectId: userId } }) as Partial<Activity>);

test('two workers serve; /readyz says ready only once both have their models loaded', async () => {
  // Log lines arrive through a pipe, a little after the replies.
  await until(() => logLines.filter((l) => l.event === 'listening').length === 2, 'both workers to listen');
  expect(logLines.filter((l) => l.event === 'listening').map((l) => l.worker)).toEqual(expect.arrayContaining([1, 2]));
  expect(JSON.parse((await call(port, 'GET', '/readyz')).body)).toEqual({
    ready: true,
    index: 'loaded',
    meaning: 'ready',
    storage: 'reachable',
    workers: 'ready',
  });
  for (let i = 0; i < 4; i++) expect((await say('help', `user-${i}`)).status).toBe(200);
  expect(connector.take().filter((r) => (r.activity.attachments ?? []).length > 0)).toHaveLength(4);
});

test('the per-user rate counts across workers, and both log the user under the same hash', async () => {
  const replies: string[][] = [];
  for (let i = 0; i < 5; i++) {
    await say('help', 'user-fast');
    replies.push(connector.take().map((r) => r.activity.text ?? 'card'));
  }
  expect(replies).toEqual([['card'], ['card'], ['card'], [MESSAGES.slowDown], []]);
  await until(() => logLines.filter((l) => l.event === 'turn refused').length === 2, 'two refused turns to be logged');
  const refused = logLines.filter((l) => l.event === 'turn refused');
  expect(refused[0]!.userId).toBe(refused[1]!.userId);
});

test('SIGTERM stops the primary and its workers', async () => {
  const exited = new Promise<number | null>((r) => bot.once('exit', (code) => r(code)));
  bot.kill('SIGTERM');
  expect(await exited).toBe(0);
  await expect(call(port, 'GET', '/healthz')).rejects.toThrow();
});

test('a worker that cannot start stops the primary with its exit code, as one process would stop', async () => {
  const failing = spawnBot(
    {
      ...process.env,
      PORT: String(await freePort()),
      WORKERS: '2',
      STORAGE: 'file',
      STORAGE_DIR: dataDir,
      LOCAL_CHAT: 'false',
      MicrosoftAppId: '',
      DEFAULT_AUTHORITY: 'nowhere',
    },
    'ignore',
  );
  expect(await new Promise((r) => failing.once('exit', r))).toBe(1);
});
