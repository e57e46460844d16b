import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { FileStorage, createStorage } from '../../bot/storage';
import { projectRoot } from '../../knowledge/paths';
import { cardText, cardsIn, engine, personalMessage, postActivity, startBot, startConnector } from './helpers';

// The well-known Azurite development account (public, documented by Microsoft).
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolvePort(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`azurite exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((r) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.end(), r(true)));
      socket.once('error', () => r(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

let azurite: ChildProcess;
let azuriteDir: string;
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
  azuriteDir = tempDir();
  const port = await freePort();
  azurite = spawn(
    resolve(projectRoot, 'node_modules/.bin/azurite-blob'),
    ['--silent', '--disableTelemetry', '--skipApiVersionCheck', '--location', azuriteDir, '--blobHost', '127.0.0.1', '--blobPort', String(port)],
    { stdio: 'ignore' },
  );
  await waitForPort(port, azurite);
  blobConnection = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
});

afterAll(async () => {
  if (azurite && azurite.exitCode === null) {
    await new Promise((r) => {
      azurite.once('exit', r);
      azurite.kill();
    });
  }
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
  expect(createStorage({ kind: 'blob', connectionString: blobConnection, container: 'x-container' })).toBeInstanceOf(BlobsStorage);
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
