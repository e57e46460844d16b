import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import { StorageChampionStore, type ChampionAnswer, type PendingQuestion } from '../../bot/champion/store';
import { FileStorage } from '../../bot/storage';

/**
 * Two workers (WORKERS=2) each have their own StorageChampionStore over the one state store: what
 * one adds to the answers list or the question index must not be overwritten by the other.
 */

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

/** Two storages over the same state, as two workers see it: one MemoryStorage, or two FileStorages on one folder. */
const shared: [string, () => [Storage, Storage]][] = [
  [
    'memory',
    () => {
      const storage = new MemoryStorage();
      return [storage, storage];
    },
  ],
  [
    'file',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'champion-store-'));
      dirs.push(dir);
      return [new FileStorage(dir), new FileStorage(dir)];
    },
  ],
];

const now = new Date('2025-02-10T08:00:00.000Z');
const answer = (question: string): ChampionAnswer => ({ question, answer: `About ${question}.`, role: 'Champion', answeredAt: now.toISOString() });
const pending = (id: string): PendingQuestion => ({
  id,
  question: `question ${id}`,
  askedAt: now.toISOString(),
  expiresAt: new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString(),
  asker: { channelId: 'msteams', serviceUrl: 'https://smba.example/', conversation: { id: 'a:chat' }, bot: { id: '28:bot' } },
});

describe.each(shared)('two champion stores over one %s storage', (_name, storages) => {
  test('both add an answer at once: neither is lost', async () => {
    const [a, b] = storages().map((s) => new StorageChampionStore(s)) as [StorageChampionStore, StorageChampionStore];
    await a.addAnswer(answer('first'));
    await Promise.all([a.addAnswer(answer('from a')), b.addAnswer(answer('from b'))]);
    expect((await a.answers()).map((x) => x.question).sort()).toEqual(['first', 'from a', 'from b']);
  });

  test('both save a question at once: both stay in the index (which expiry sweeps go by)', async () => {
    const [first, second] = storages();
    const [a, b] = [new StorageChampionStore(first), new StorageChampionStore(second)];
    const ids = ['0b0e6a4c-1f1e-4c6a-9a55-2f3b1c7d8e01', '0b0e6a4c-1f1e-4c6a-9a55-2f3b1c7d8e02', '0b0e6a4c-1f1e-4c6a-9a55-2f3b1c7d8e03'] as const;
    await a.savePending(pending(ids[0]), now);
    await Promise.all([a.savePending(pending(ids[1]), now), b.savePending(pending(ids[2]), now)]);
    const index = (await first.read(['champion/pending']))['champion/pending'] as { items: { id: string }[] };
    expect(index.items.map((i) => i.id).sort()).toEqual([...ids]);
  });
});
