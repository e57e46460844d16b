import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFeedbackStore } from '../../bot/feedback/create-store';
import { FileFeedbackStore } from '../../bot/feedback/file-store';
import { MemoryFeedbackStore, type FeedbackRecord, type FeedbackStore } from '../../bot/feedback/records';
import { parseTableConnection, TableFeedbackStore } from '../../bot/feedback/table-store';
import { startAzurite, type RunningAzurite } from '../azurite';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'feedback-store-'));
  dirs.push(dir);
  return dir;
};
let azurite: RunningAzurite;
let tableConnection = '';
let tables = 0;
const newTableName = () => `fb${Date.now()}n${++tables}`;

beforeAll(async () => {
  azurite = await startAzurite('table', tempDir());
  tableConnection = azurite.connectionString;
});

afterAll(async () => {
  await azurite?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tableStore(name: string): TableFeedbackStore {
  const account = parseTableConnection(tableConnection);
  if (typeof account === 'string') throw new Error(account);
  return new TableFeedbackStore(account, name);
}

/** Each backend: a fresh store, and a maker of a second instance over the same data. */
const backends: [string, () => { store: FeedbackStore; reopen: () => FeedbackStore }][] = [
  [
    'memory',
    () => {
      const store = new MemoryFeedbackStore();
      return { store, reopen: () => store };
    },
  ],
  [
    'file',
    () => {
      const dir = tempDir();
      return { store: new FileFeedbackStore(dir), reopen: () => new FileFeedbackStore(dir) };
    },
  ],
  [
    'table (Azurite)',
    () => {
      const name = newTableName();
      return { store: tableStore(name), reopen: () => tableStore(name) };
    },
  ],
];

const at = (iso: string) => new Date(iso);
const rating = (time: string, over: Partial<FeedbackRecord> = {}): FeedbackRecord => ({
  kind: 'feedback',
  time,
  rating: 'not-helpful',
  reason: 'out-of-date',
  passageId: 'leaflet#12',
  topic: 'Safety leaflet › 3 Planning',
  authority: 'northshire',
  ...over,
});

describe.each(backends)('feedback store contract: %s', (_name, make) => {
  test('gives back what was appended in the period, oldest first, every field intact', async () => {
    const { store } = make();
    const shared = rating('2025-02-10T09:30:00.000Z', { redactedQuestion: 'does mum [name] need a refuge place, it\'s "urgent"' });
    const gap = { kind: 'gap', time: '2025-02-09T08:00:00.000Z', topic: 'Glossary: IDVA' } satisfies FeedbackRecord;
    await store.append(shared);
    await store.append(gap);
    expect(await store.query({ from: at('2025-02-01T00:00:00Z'), to: at('2025-03-01T00:00:00Z') })).toEqual([gap, shared]);
  });

  test('the period includes its start, excludes its end, and may span months and years', async () => {
    const { store } = make();
    const times = ['2024-12-31T23:59:59.000Z', '2025-01-01T00:00:00.000Z', '2025-02-14T12:00:00.000Z', '2025-03-01T00:00:00.000Z'];
    for (const t of times) await store.append(rating(t));
    const found = await store.query({ from: at('2025-01-01T00:00:00Z'), to: at('2025-03-01T00:00:00Z') });
    expect(found.map((r) => r.time)).toEqual([times[1], times[2]]);
    const wide = await store.query({ from: at('2024-12-01T00:00:00Z'), to: at('2025-04-01T00:00:00Z') });
    expect(wide).toHaveLength(4);
  });

  test('filters by kind', async () => {
    const { store } = make();
    await store.append(rating('2025-05-02T10:00:00.000Z'));
    await store.append({ kind: 'gap', time: '2025-05-02T11:00:00.000Z', topic: 'Protocol › 2 Scope' });
    await store.append({ kind: 'champion-question', time: '2025-05-02T12:00:00.000Z', redactedQuestion: 'who chairs the panel?' });
    const period = { from: at('2025-05-01T00:00:00Z'), to: at('2025-06-01T00:00:00Z') };
    expect((await store.query(period, 'gap')).map((r) => r.kind)).toEqual(['gap']);
    expect((await store.query(period, 'champion-question')).map((r) => r.redactedQuestion)).toEqual(['who chairs the panel?']);
    expect(await store.query(period)).toHaveLength(3);
  });

  test('refuses a record that breaks the schema, and keeps nothing of it', async () => {
    const { store } = make();
    const bad = [
      { kind: 'feedback', time: 'yesterday' },
      { kind: 'opinion', time: '2025-06-03T10:00:00.000Z' },
      { kind: 'feedback', time: '2025-06-03T10:00:00.000Z', rating: 'meh' },
      { kind: 'feedback', time: '2025-06-03T10:00:00.000Z', redactedQuestion: 'x'.repeat(501) },
    ];
    for (const record of bad) await expect(store.append(record as FeedbackRecord)).rejects.toThrow();
    expect(await store.query({ from: at('2025-06-01T00:00:00Z'), to: at('2025-07-01T00:00:00Z') })).toEqual([]);
  });

  test('an empty period is an empty list', async () => {
    const { store } = make();
    expect(await store.query({ from: at('2030-01-01T00:00:00Z'), to: at('2030-02-01T00:00:00Z') })).toEqual([]);
  });

  test('keeps every one of many appends made at once', async () => {
    const { store } = make();
    const times = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2025, 6, 1, 0, i)).toISOString());
    await Promise.all(times.map((t, i) => store.append(rating(t, { passageId: `doc#${i}` }))));
    const found = await store.query({ from: at('2025-07-01T00:00:00Z'), to: at('2025-07-02T00:00:00Z') });
    expect(found.map((r) => r.passageId)).toEqual(times.map((_, i) => `doc#${i}`));
  });

  test('a new instance over the same place still has the records', async () => {
    const { store, reopen } = make();
    await store.append(rating('2025-08-08T08:08:08.000Z'));
    expect(await reopen().query({ from: at('2025-08-01T00:00:00Z'), to: at('2025-09-01T00:00:00Z') })).toHaveLength(1);
  });
});

test('file store: a damaged line is skipped, the rest is read', async () => {
  const dir = tempDir();
  const store = new FileFeedbackStore(dir);
  await store.append(rating('2025-09-01T10:00:00.000Z'));
  appendFileSync(store.fileFor('2025-09'), '{"kind":"feedback","ti\n');
  await store.append(rating('2025-09-02T10:00:00.000Z'));
  expect(await store.query({ from: at('2025-09-01T00:00:00Z'), to: at('2025-10-01T00:00:00Z') })).toHaveLength(2);
});

test('table store: reads past the service page size (1,000 entities)', async () => {
  const store = tableStore(newTableName());
  const base = Date.UTC(2025, 9, 1);
  for (let batch = 0; batch < 21; batch++) {
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.append(rating(new Date(base + (batch * 50 + i) * 1000).toISOString()))));
  }
  expect(await store.query({ from: at('2025-10-01T00:00:00Z'), to: at('2025-11-01T00:00:00Z') })).toHaveLength(1050);
}, 120_000);

test('table store: a table deleted while the bot runs is created again on the next append', async () => {
  const name = newTableName();
  const store = tableStore(name);
  await store.append(rating('2025-11-01T10:00:00.000Z'));
  const account = parseTableConnection(tableConnection) as Exclude<ReturnType<typeof parseTableConnection>, string>;
  // Delete it behind the store's back, through a second store's signed request.
  const deleted = await (tableStore(name) as unknown as { request(m: string, p: string): Promise<Response> }).request('DELETE', `/Tables('${name}')`);
  expect(deleted.status).toBe(204);
  await store.append(rating('2025-11-02T10:00:00.000Z'));
  expect(await store.query({ from: at('2025-11-01T00:00:00Z'), to: at('2025-12-01T00:00:00Z') })).toHaveLength(1);
  expect(account.name).toBe('devstoreaccount1');
});

test('the configuration chooses the backend', () => {
  expect(createFeedbackStore({ kind: 'memory' })).toBeInstanceOf(MemoryFeedbackStore);
  expect(createFeedbackStore({ kind: 'file', dir: tempDir() })).toBeInstanceOf(FileFeedbackStore);
  expect(createFeedbackStore({ kind: 'table', connectionString: tableConnection, table: 'feedback' })).toBeInstanceOf(TableFeedbackStore);
});

test('a connection string without an account key is refused, without repeating it', () => {
  const problem = parseTableConnection('AccountName=secretive;TableEndpoint=https://x.example');
  expect(typeof problem).toBe('string');
  expect(problem).not.toContain('secretive');
});
