import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { SelfHealingBlobsStorage } from './blob-storage';
import type { Config } from './config';
import { silentLogger, type Logger } from './log';

/** What a state file holds. Anything else (truncated, hand-edited, half-written) is quarantined. */
interface StoredFile {
  key: string;
  item: Record<string, unknown>;
}

function parseStored(text: string): StoredFile | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<StoredFile> | null;
    const ok = typeof parsed?.key === 'string' && typeof parsed.item === 'object' && parsed.item !== null && !Array.isArray(parsed.item);
    return ok ? (parsed as StoredFile) : undefined;
  } catch {
    return undefined;
  }
}

export interface FileStorageOptions {
  /** Told the (hashed) name of a state file that could not be read and was moved aside. */
  onQuarantine?: (file: string) => void;
}

/**
 * Embedded default store: one JSON file per key, so state survives a restart without a
 * database. eTag semantics match MemoryStorage and BlobsStorage: a write carrying an eTag
 * other than '*' must match the stored one, or it is rejected.
 *
 * A file that cannot be parsed is moved to `quarantine/` (kept for inspection, not deleted) and
 * read as empty, so only that user's or conversation's state starts afresh.
 */
export class FileStorage implements Storage {
  /** Serialises read-check-write so two turns in this process cannot both win an eTag race. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly opts: FileStorageOptions = {},
  ) {}

  /** Where quarantined files go. */
  get quarantineDir(): string {
    return join(this.dir, 'quarantine');
  }

  /** The file a key is kept in (also how `npm run state:key` finds a person's state). */
  fileFor(key: string): string {
    // Keys contain ':' '/' and can be long (Teams ids); hash them into safe, bounded names.
    return join(this.dir, `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async readOne(key: string): Promise<Record<string, unknown> | undefined> {
    const file = this.fileFor(key);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    const stored = parseStored(text);
    if (!stored) {
      await this.quarantine(file);
      return undefined;
    }
    return stored.key === key ? stored.item : undefined;
  }

  private async quarantine(file: string): Promise<void> {
    await mkdir(this.quarantineDir, { recursive: true });
    try {
      await rename(file, join(this.quarantineDir, `${basename(file, '.json')}.${Date.now()}.json`));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    this.opts.onQuarantine?.(basename(file, '.json'));
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

/**
 * The store the configuration asks for: memory (tests), file (embedded default) or Azure Blob
 * (scale-out). Repairs (a quarantined file, a recreated container) are logged without keys.
 */
export function createStorage(storage: Config['storage'], log: Logger = silentLogger): Storage {
  switch (storage.kind) {
    case 'memory':
      return new MemoryStorage();
    case 'file':
      // The file name is already a hash of a hashed key: a short prefix is enough to find it.
      return new FileStorage(storage.dir, { onQuarantine: (file) => log.warn('state-quarantined', { store: 'file', file: file.slice(0, 16) }) });
    case 'blob':
      return SelfHealingBlobsStorage.fromConnectionString(storage.connectionString, storage.container, () =>
        log.warn('state-container-recreated', { store: 'blob' }),
      );
  }
}
