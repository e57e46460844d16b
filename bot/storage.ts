import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import type { BlobsStorage as BlobsStorageClass } from 'botbuilder-azure-blobs';
import type { Config } from './config';
import { withFileLock } from './file-lock';
import { KeyedQueue } from './keyed-queue';

/**
 * Embedded default store: one JSON file per key, so state survives a restart without a
 * database. eTag semantics match MemoryStorage and BlobsStorage: a write carrying an eTag
 * other than '*' must match the stored one, or it is rejected. Operations on the same key run in
 * the order they were called, operations on different keys alongside each other; a write that
 * checks an eTag holds a lock file, so the bot's workers (WORKERS) cannot both win a race either.
 */
export class FileStorage implements Storage {
  /** Orders read-check-write per key, so two turns in this process cannot both win an eTag race. */
  private readonly queue = new KeyedQueue();

  constructor(readonly dir: string) {}

  private fileFor(key: string): string {
    // Keys contain ':' '/' and can be long (Teams ids); hash them into safe, bounded names.
    return join(this.dir, `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  private async readOne(key: string): Promise<Record<string, unknown> | undefined> {
    try {
      const stored = JSON.parse(await readFile(this.fileFor(key), 'utf8')) as { key: string; item: Record<string, unknown> };
      return stored.key === key ? stored.item : undefined;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.queue.run(keys, async () => {
      const items: StoreItems = {};
      for (const key of keys) {
        const item = await this.readOne(key);
        if (item) items[key] = item;
      }
      return items;
    });
  }

  write(changes: StoreItems): Promise<void> {
    return this.queue.run(Object.keys(changes), async () => {
      await mkdir(this.dir, { recursive: true });
      for (const [key, change] of Object.entries(changes)) {
        const eTag = (change as { eTag?: string }).eTag;
        const file = this.fileFor(key);
        const replace = async () => {
          const tmp = `${file}.${randomUUID()}.tmp`;
          await writeFile(tmp, JSON.stringify({ key, item: { ...change, eTag: randomUUID() } }), 'utf8');
          await rename(tmp, file);
        };
        if (!eTag || eTag === '*') await replace();
        else
          await withFileLock(file, async () => {
            const current = await this.readOne(key);
            if (current && current.eTag !== eTag) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
            await replace();
          });
      }
    });
  }

  delete(keys: string[]): Promise<void> {
    return this.queue.run(keys, async () => {
      await Promise.all(keys.map((key) => rm(this.fileFor(key), { force: true })));
    });
  }
}

/** The store the configuration asks for: memory (tests), file (embedded default) or Azure Blob (scale-out). */
export function createStorage(storage: Config['storage']): Storage {
  switch (storage.kind) {
    case 'memory':
      return new MemoryStorage();
    case 'file':
      return new FileStorage(storage.dir);
    case 'blob': {
      // Loaded only when asked for: the Azure SDK adds a quarter of a second to every other start.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { BlobsStorage } = require('botbuilder-azure-blobs') as { BlobsStorage: typeof BlobsStorageClass };
      return new BlobsStorage(storage.connectionString, storage.container);
    }
  }
}
