import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import { MemoryStorage, type Activity, type Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { SelfHealingBlobsStorage } from '../../bot/blob-storage';
import { FileStorage, createStorage } from '../../bot/storage';
import { loadConfig } from '../../bot/config';
import type { LogFields, Logger } from '../../bot/log';
import { fill, MESSAGES } from '../../bot/messages';
import { startAzurite, type RunningAzurite } from '../azurite';
import { USER, cardText, cardsIn, engine, personalMessage, postActivity, sendToBot, startBot, startConnector, type RunningBot } from './helpers';

let azurite: RunningAzurite;
let blobConnection: string;
const tmpDirs: string[] = [];
let sharedDir = '';

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bot-storage-'));
  tmpDirs.push(dir);
  return dir;
}

beforeAll(async () => {
  sharedDir = tempDir();
  azurite = await startAzurite('blob', tempDir());
  blobConnection = azurite.connectionString;
});

afterAll(async () => {
  await azurite?.stop();
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

const stores: [string, () => Storage][] = [
  ['memory', () => new MemoryStorage()],
  ['file', () => new FileStorage(tempDir())],
  ['blob (Azurite)', () => new BlobsStorage(blobConnection, `c${Date.now()}${Math.floor(Math.random() * 1e6)}`)],
];

describe.each(stores)('%s storage', (_name, make) => {
  test('reads back what it wrote, and forgets what it deleted', async () => {
    const store = make();
    await store.write({ 'msteams/users/29:abc': { profile: { authority: 'x' } } });
    const read = await store.read(['msteams/users/29:abc', 'missing']);
    expect(read['msteams/users/29:abc'].profile).toEqual({ authority: 'x' });
    expect(read).not.toHaveProperty('missing');
    await store.delete(['msteams/users/29:abc']);
    expect(await store.read(['msteams/users/29:abc'])).toEqual({});
  });

  test('rejects a write with a stale eTag, accepts the current one and "*"', async () => {
    const store = make();
    await store.write({ k: { n: 1 } });
    const first = (await store.read(['k'])).k as { eTag: string };
    await store.write({ k: { n: 2, eTag: first.eTag } });
    await expect(store.write({ k: { n: 3, eTag: first.eTag } })).rejects.toThrow();
    await store.write({ k: { n: 4, eTag: '*' } });
    expect((await store.read(['k'])).k.n).toBe(4);
  });
});

describe('file storage shared by several workers', () => {
  test('two stores over one folder (two workers) cannot both win an eTag race', async () => {
    const dir = tempDir();
    const [a, b] = [new FileStorage(dir), new FileStorage(dir)];
    await a.write({ k: { n: 0 } });
    for (let round = 0; round < 20; round++) {
      const eTag = ((await a.read(['k'])).k as { eTag: string }).eTag;
      const results = await Promise.allSettled([a.write({ k: { n: 1, eTag } }), b.write({ k: { n: 2, eTag } })]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    }
    expect(readdirSync(dir).filter((f) => !f.endsWith('.json'))).toEqual([]);
  });

  test('a read issued after a write sees it; a lock left by a stopped process is broken', async () => {
    const dir = tempDir();
    const store = new FileStorage(dir);
    const write = store.write({ k: { n: 1 } });
    const read = store.read(['k']);
    await write;
    expect((await read).k.n).toBe(1);

    const eTag = ((await store.read(['k'])).k as { eTag: string }).eTag;
    const lock = `${join(
      dir,
      readdirSync(dir).find((f) => f.endsWith('.json'))!,
    )}.lock`;
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await store.write({ k: { n: 2, eTag } });
    expect((await store.read(['k'])).k.n).toBe(2);
    expect(existsSync(lock)).toBe(false);
  });
});

test.each([
  ['file', (): Storage => new FileStorage(sharedDir)],
  ['blob (Azurite)', (): Storage => new BlobsStorage(blobConnection, 'restart-test')],
])('%s storage: a new instance still has the data', async (_name, make) => {
  await make().write({ key: { value: 'kept' } });
  expect((await make().read(['key'])).key.value).toBe('kept');
});
test('createStorage follows the configuration', () => {
  expect(createStorage({ kind: 'memory' })).toBeInstanceOf(MemoryStorage);
  expect(createStorage({ kind: 'file', dir: tempDir() })).toBeInstanceOf(FileStorage);
  expect(createStorage({ kind: 'blob', connectionString: blobConnection, container: 'x-container' })).toBeInstanceOf(SelfHealingBlobsStorage);
});

test('the chosen authority survives a bot restart with the file store', async () => {
  const dir = tempDir();
  const authority = engine().authorities[0]!;
  const connector = await startConnector();
  try {
    const first = await startBot({ storage: new FileStorage(dir) });
    await postActivity(first.url, personalMessage(connector.serviceUrl, undefined, { value: { verb: 'setAuthority', authority: authority.id } }));
    await first.close();
    connector.take();

    const second = await startBot({ storage: new FileStorage(dir) });
    await postActivity(second.url, personalMessage(connector.serviceUrl, 'help'));
    await second.close();
    const [help] = cardsIn(connector.take());
    expect(cardText(help)).toContain(`Your authority: ${authority.name}`);
  } finally {
    await connector.close();
  }
});

function captureLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const record = (event: string, fields?: LogFields) => void lines.push(`${event} ${JSON.stringify(fields ?? {})}`);
  return { log: { info: record, warn: record, error: record }, lines };
}

/** One practitioner in their own personal chat. */
function person(name: string): Pick<Activity, 'from' | 'conversation'> {
  return {
    from: { ...USER, id: `29:${name}-teams-id`, aadObjectId: `${name}-aad` },
    conversation: { id: `a:${name}-personal-chat`, conversationType: 'personal', isGroup: false, name: '' },
  };
}

describe('a damaged state file (file store)', () => {
  test('is moved aside and logged without ids; only that user starts afresh', async () => {
    const dir = tempDir();
    const { log, lines } = captureLog();
    const connector = await startConnector();
    const bot = await startBot({ storage: createStorage({ kind: 'file', dir }, log), log });
    const [first, second] = engine().authorities;
    const alice = person('alice');
    const bob = person('bob');
    const say = (who: Pick<Activity, 'from' | 'conversation'>, text?: string, value?: unknown) =>
      sendToBot(bot, connector, personalMessage(connector.serviceUrl, text, { ...who, ...(value ? { value } : {}) }));
    try {
      await say(alice, undefined, { verb: 'setAuthority', authority: first!.id });
      await say(bob, undefined, { verb: 'setAuthority', authority: second!.id });
      const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
      const aliceFile = files.find((f) => readFileSync(join(dir, f), 'utf8').includes(`"authority":"${first!.id}"`))!;
      const damaged = readFileSync(join(dir, aliceFile), 'utf8').slice(0, 20);
      writeFileSync(join(dir, aliceFile), damaged);

      // Alice's turn works, with no authority remembered; nothing about a failure is shown to her.
      const replies = await say(alice, 'help');
      expect(replies).toHaveLength(1);
      expect(cardText(cardsIn(replies)[0])).not.toContain(`Your authority: ${first!.name}`);
      // Bob is untouched.
      expect(cardText(cardsIn(await say(bob, 'help'))[0])).toContain(`Your authority: ${second!.name}`);

      // The damaged file was kept, in quarantine/, not deleted; Alice can choose again.
      expect(existsSync(join(dir, aliceFile))).toBe(false);
      const quarantined = readdirSync(join(dir, 'quarantine'));
      expect(quarantined).toHaveLength(1);
      expect(readFileSync(join(dir, 'quarantine', quarantined[0]!), 'utf8')).toBe(damaged);
      await say(alice, `set authority ${first!.name}`);
      expect(cardText(cardsIn(await say(alice, 'help'))[0])).toContain(`Your authority: ${first!.name}`);

      const quarantineLines = lines.filter((l) => l.startsWith('state-quarantined '));
      expect(quarantineLines).toHaveLength(1);
      expect(quarantineLines[0]).toContain(aliceFile.slice(0, 16));
      expect(lines.join('\n')).not.toMatch(/alice|bob|29:/);
    } finally {
      await bot.close();
      await connector.close();
    }
  });
});

describe('blob container deleted while the bot runs (Azurite)', () => {
  let bot: RunningBot;
  const { log, lines } = captureLog();
  const container = `gone${Date.now()}`;

  afterEach(async () => bot?.close());

  test('it is recreated on the next write, and turns work again without a restart', async () => {
    const config = loadConfig({
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: blobConnection,
      BLOB_CONTAINER: container,
      STATE_KEY_SALT: 'azurite-test-salt-0123456789',
    });
    const connector = await startConnector();
    bot = await startBot({ storage: createStorage(config.storage, log), log, env: { STATE_KEY_SALT: config.stateKeySalt! } });
    const [first, second] = engine().authorities;
    const say = (text: string) => sendToBot(bot, connector, personalMessage(connector.serviceUrl, text));
    try {
      expect((await say(`set authority ${first!.name}`)).map((r) => r.activity.text)).toEqual([fill(MESSAGES.authoritySet, { authority: first!.name })]);

      await new ContainerClient(blobConnection, container).delete();

      // The stored choice went with the container; the next choice is saved in a new one.
      expect(cardText(cardsIn(await say('help'))[0])).not.toContain(`Your authority: ${first!.name}`);
      expect((await say(`set authority ${second!.name}`)).map((r) => r.activity.text)).toEqual([fill(MESSAGES.authoritySet, { authority: second!.name })]);
      expect(cardText(cardsIn(await say('help'))[0])).toContain(`Your authority: ${second!.name}`);
      expect(await new ContainerClient(blobConnection, container).exists()).toBe(true);
      expect(lines.filter((l) => l.startsWith('state-container-recreated '))).toHaveLength(1);
    } finally {
      await connector.close();
    }
  });
});
