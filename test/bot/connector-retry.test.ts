import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LogFields, Logger } from '../../bot/log';
import { cardsIn, personalMessage, postActivity, startBot, type CapturedReply, type RunningBot } from './helpers';

/**
 * Replies reach the channel through the Bot Framework connector client, whose pipeline retries a
 * transient failure (408, 5xx other than 501/505, ECONNRESET and other connection errors) three
 * times with exponential backoff and jitter. These tests pin that: a channel that fails once
 * still gets the reply, and one that keeps failing is tried a bounded number of times.
 */

type Behaviour = 'ok' | 'fail-503' | 'fail-500' | 'reset';

interface FlakyChannel {
  serviceUrl: string;
  /** Every attempt to post a reply, with when it arrived. */
  attempts: { at: number; body: string }[];
  delivered: CapturedReply[];
  close(): Promise<void>;
}

async function flakyChannel(script: (attempt: number) => Behaviour): Promise<FlakyChannel> {
  const attempts: { at: number; body: string }[] = [];
  const delivered: CapturedReply[] = [];
  const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      attempts.push({ at: performance.now(), body });
      const behaviour = script(attempts.length);
      if (behaviour === 'reset') return req.socket.destroy();
      if (behaviour !== 'ok') {
        res.writeHead(behaviour === 'fail-503' ? 503 : 500, { 'Content-Type': 'application/json' });
        return res.end('{"error":{"code":"ServiceError","message":"try later"}}');
      }
      delivered.push({ method: req.method ?? '', conversationId: '', activity: JSON.parse(body || '{}') as CapturedReply['activity'] });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${delivered.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    attempts,
    delivered,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const logged: string[] = [];
const record = (event: string, fields?: LogFields) => void logged.push(`${event} ${JSON.stringify(fields ?? {})}`);
const log: Logger = { info: record, warn: record, error: record };
let bot: RunningBot;

beforeAll(async () => {
  bot = await startBot({ log });
});
afterAll(() => bot.close());
beforeEach(() => (logged.length = 0));

test.each<[string, Behaviour]>([
  ['a 503', 'fail-503'],
  ['a dropped connection (ECONNRESET)', 'reset'],
])('a reply the channel refuses once with %s is sent again after a pause, and arrives once', async (_what, first) => {
  const channel = await flakyChannel((n) => (n === 1 ? first : 'ok'));
  try {
    const res = await postActivity(bot.url, personalMessage(channel.serviceUrl, 'what is a DASH risk assessment'));
    expect(res.status).toBe(200);
    expect(channel.attempts).toHaveLength(2);
    expect(channel.attempts[1]!.body).toBe(channel.attempts[0]!.body);
    expect(channel.attempts[1]!.at - channel.attempts[0]!.at).toBeGreaterThan(100);
    expect(cardsIn(channel.delivered)).toHaveLength(1);
    expect(logged.filter((l) => l.startsWith('turn-error'))).toEqual([]);
  } finally {
    await channel.close();
  }
});

test('a channel that keeps failing is tried four times in all, with growing pauses, and the turn ends with an error logged', async () => {
  const channel = await flakyChannel(() => 'fail-500');
  try {
    await postActivity(bot.url, personalMessage(channel.serviceUrl, 'what is a DASH risk assessment'));
    // One reply, tried 1 + 3 times; no apology is attempted through the channel that just failed.
    expect(channel.attempts).toHaveLength(4);
    expect(new Set(channel.attempts.map((a) => a.body)).size).toBe(1);
    const gaps = channel.attempts.slice(1).map((a, i) => a.at - channel.attempts[i]!.at);
    expect(gaps[2]!).toBeGreaterThan(gaps[0]!);
    const errors = logged.filter((l) => l.startsWith('turn-error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/"error":"RestError".*"status":500/);
  } finally {
    await channel.close();
  }
}, 30000);
