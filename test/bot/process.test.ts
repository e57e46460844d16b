import type { ChildProcess } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { personalMessage, postActivity } from './helpers';
import { spawnBot, until } from './spawn-bot';
import { freePort } from '../../scripts/free-port';

/** `npm start` as an operator runs it: bot/index.ts in its own process. */

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  let out = '';
  let err = '';
  // Only what is given: nothing from the test runner's environment or a .env leaks in.
  const child = spawnBot({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', OPEN_BROWSER: 'false', LOCAL_CHAT: 'false', ...env }, [
    'ignore',
    'pipe',
    'pipe',
  ]);
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

const events = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

test('a garbage BLOB_CONNECTION_STRING stops start-up with the variable named: no stack, no value', async () => {
  const secret = 'garbage-connection-string-with-a-secret';
  const bot = start({ STORAGE: 'blob', BLOB_CONNECTION_STRING: secret, STATE_KEY_SALT: 'a-salt-of-at-least-sixteen-characters' });
  expect(await bot.exited).toBe(1);
  const stderr = bot.stderr();
  expect(stderr).toMatch(/Invalid configuration:\n\s+- BLOB_CONNECTION_STRING: /);
  expect(stderr + bot.stdout()).not.toContain(secret);
  expect(stderr).not.toMatch(/TypeError|^\s+at /m);
});

test('SIGTERM: the turn in flight finishes and its reply is sent, new requests are refused, then the process exits 0', async () => {
  // The channel holds the bot's reply until told to answer, so the turn is still running at SIGTERM.
  let answer: () => void = () => undefined;
  const replyArrived = { value: false };
  const channel = createHttpServer((req, res) => {
    req.resume();
    replyArrived.value = true;
    answer = () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"id":"reply-1"}');
    };
  });
  await new Promise<void>((r) => channel.listen(0, '127.0.0.1', r));
  const serviceUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}`;
  const port = await freePort();
  const bot = start({ PORT: String(port), HOST: '127.0.0.1', STORAGE: 'memory', SHUTDOWN_TIMEOUT_MS: '20000' });
  try {
    await until(() => bot.stdout().includes('"event":"listening"'), 'the bot to listen');
    const url = `http://127.0.0.1:${port}`;
    const running = postActivity(url, personalMessage(serviceUrl, 'help'));
    await until(() => replyArrived.value, 'the reply to reach the channel');

    bot.child.kill('SIGTERM');
    await until(() => bot.stdout().includes('"event":"shutdown"'), 'the shutdown to start');
    const late = await postActivity(url, personalMessage(serviceUrl, 'help')).then(
      (r) => r.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(late);

    answer();
    expect((await running).status).toBe(200);
    expect(await bot.exited).toBe(0);
    const log = events(bot.stdout());
    expect(log.find((e) => e.event === 'shutdown')).toMatchObject({ signal: 'SIGTERM', inFlight: 1 });
    expect(log.find((e) => e.event === 'stopped')).toMatchObject({ drained: true, abandoned: 0 });
  } finally {
    if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    channel.closeAllConnections();
    await new Promise<void>((r) => channel.close(() => r()));
  }
});
