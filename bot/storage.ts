import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { Config } from './config';

/**
 * Embedded default store: one JSON file per key, so state survives a restart without a
 * database. eTag semantics match MemoryStorage and BlobsStorage: a write carrying an eTag
 * other than '*' must match the stored one, or it is rejected.
 */
export class FileStorage implements Storage {
  /** Serialises read-check-write so two turns in this process cannot both win an eTag race. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {}

  private fileFor(key: string): string {
    // Keys contain ':' '/' and can be long (Teams ids); hash them into safe, bounded names.
    return join(this.dir, `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
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
    return this.serial(async () => {
      const items: StoreItems = {};
      for (const key of keys) {
        const item = await this.readOne(key);
        if (item) items[key] = item;
      }
      return items;
    });
  }

  write(changes: StoreItems): Promise<void> {
    return this.serial(async () => {
      await mkdir(this.dir, { recursive: true });
      for (const [key, change] of Object.entries(changes)) {
        const eTag = (change as { eTag?: string }).eTag;
        if (eTag && eTag !== '*') {
          const current = await this.readOne(key);
          if (current && current.eTag !== eTag) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
        const file = this.fileFor(key);
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify({ key, item: { ...change, eTag: randomUUID() } }), 'utf8');
        await rename(tmp, file);
      }
    });
  }

  delete(keys: string[]): Promise<void> {
    return this.serial(async () => {
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
    case 'blob':
      return new BlobsStorage(storage.connectionString, storage.container);
  }
}
