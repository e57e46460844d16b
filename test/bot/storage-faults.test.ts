import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Storage } from 'botbuilder';
import type { LogFields, Logger } from '../../bot/log';
import { fill, MESSAGES } from '../../bot/messages';
import { createStorage } from '../../bot/storage';
import { withBreaker } from '../../bot/storage-breaker';
import { cardText, cardsIn, engine, personalMessage, sendToBot, useBotAndConnector } from './helpers';

/**
 * The real file store made unusable: its folder sits under a plain file, so every read and write
 * fails (ENOTDIR). Removing that file mends it. Calls are counted to see when the breaker stops
 * trying.
 */
function brokenFileStore(): { storage: Storage; mend(): void; calls(): number } {
  const root = mkdtempSync(join(tmpdir(), 'bot-faults-'));
  const blocker = join(root, 'blocked');
  writeFileSync(blocker, 'not a folder');
  const file = createStorage({ kind: 'file', dir: join(blocker, 'state') });
  let calls = 0;
  const count =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    (...a: A) => {
      calls++;
      return f(...a);
    };
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return {
    storage: { read: count((k) => file.read(k)), write: count((c) => file.write(c)), delete: count((k) => file.delete(k)) },
    mend: () => rmSync(blocker),
    calls: () => calls,
  };
}

const authority = () => engine().authorities[0]!;

describe('storage down (the file store cannot be read or written)', () => {
  const store = brokenFileStore();
  const h = useBotAndConnector({ storage: store.storage, env: { STORAGE_BREAKER_FAILURES: '2', STORAGE_BREAKER_OPEN_MS: '600000' } });
  const say = (text: string) => sendToBot(h.bot, h.connector, personalMessage(h.connector.serviceUrl, text));

  test('a policy question is answered', async () => {
    const cards = cardsIn(await say('who should I refer to MARAC'));
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0])).toMatch(/MARAC/);
  });

  test('choosing an authority: the user is told it could not be saved, and it is not claimed', async () => {
    const replies = await say(`set authority ${authority().name}`);
    expect(replies.map((r) => r.activity.text)).toEqual([fill(MESSAGES.authorityNotSaved, { authority: authority().name })]);
    expect(cardText(cardsIn(await say('help'))[0])).not.toContain(`Your authority: ${authority().name}`);
  });

  test('the same through the authority card', async () => {
    const replies = await sendToBot(
      h.bot,
      h.connector,
      personalMessage(h.connector.serviceUrl, undefined, { value: { verb: 'setAuthority', authority: authority().id } }),
    );
    expect(replies.map((r) => r.activity.text)).toEqual([fill(MESSAGES.authorityNotSaved, { authority: authority().name })]);
  });

  test('once the breaker is open storage is not tried at all; answers carry on; /readyz says storage is unreachable', async () => {
    const before = store.calls();
    for (let i = 0; i < 3; i++) expect(cardsIn(await say('what is a DASH risk assessment'))).toHaveLength(1);
    expect((await say('triage')).map((r) => r.activity.text)).toEqual([MESSAGES.storageSlow]);
    expect(store.calls()).toBe(before);

    const ready = await fetch(`${h.bot.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, index: 'loaded', meaning: 'ready', storage: 'unreachable' });
    expect(store.calls()).toBe(before);
  });
});

describe('storage comes back', () => {
  const store = brokenFileStore();
  const logged: string[] = [];
  const record = (event: string, fields?: LogFields) => void logged.push(`${event} ${JSON.stringify(fields ?? {})}`);
  const log: Logger = { info: record, warn: record, error: record };
  const h = useBotAndConnector({ storage: store.storage, log, env: { STORAGE_BREAKER_FAILURES: '1', STORAGE_BREAKER_OPEN_MS: '200' } });
  const say = (text: string) => sendToBot(h.bot, h.connector, personalMessage(h.connector.serviceUrl, text));

  test('after the open period one probe succeeds, the breaker closes, and settings are kept again', async () => {
    expect(cardsIn(await say('what is a DASH risk assessment'))).toHaveLength(1);
    expect(logged.filter((l) => l.startsWith('storage-breaker '))).toEqual(['storage-breaker {"state":"open","failures":1}']);

    store.mend();
    await new Promise((r) => setTimeout(r, 300));
    const ready = await fetch(`${h.bot.url}/readyz`);
    expect(await ready.json()).toMatchObject({ ready: true, storage: 'reachable' });
    expect(logged.filter((l) => l.startsWith('storage-breaker '))).toEqual([
      'storage-breaker {"state":"open","failures":1}',
      'storage-breaker {"state":"closed"}',
    ]);

    expect((await say(`set authority ${authority().name}`)).map((r) => r.activity.text)).toEqual([
      fill(MESSAGES.authoritySet, { authority: authority().name }),
    ]);
    expect(cardText(cardsIn(await say('help'))[0])).toContain(`Your authority: ${authority().name}`);
  });
});

test('an eTag conflict is the store answering, not a fault: it never opens the breaker', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bot-faults-'));
  try {
    const breaker = withBreaker(createStorage({ kind: 'file', dir }), { failures: 1, openMs: 600000 });
    await breaker.write({ k: { n: 1 } });
    const { eTag } = (await breaker.read(['k'])).k as { eTag: string };
    await breaker.write({ k: { n: 2, eTag } });
    await expect(breaker.write({ k: { n: 3, eTag } })).rejects.toThrow(/eTag conflict/);
    expect(breaker.state).toBe('closed');
    expect((await breaker.read(['k'])).k.n).toBe(2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
