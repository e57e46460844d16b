import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import type { SelfHealingBlobsStorage as SelfHealingBlobsStorageClass } from './blob-storage';
import type { Config } from './config';
import { withFileLock } from './file-lock';
import { KeyedQueue } from './keyed-queue';
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
 * other than '*' must match the stored one, or it is rejected. Operations on the same key run in
 * the order they were called, operations on different keys alongside each other; a write that
 * checks an eTag holds a lock file, so the bot's workers (WORKERS) cannot both win a race either.
 *
 * A file that cannot be parsed is moved to `quarantine/` (kept for inspection, not deleted) and
 * read as empty, so only that user's or conversation's state starts afresh.
 */
export class FileStorage implements Storage {
  /** Orders read-check-write per key, so two turns in this process cannot both win an eTag race. */
  private readonly queue = new KeyedQueue();

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
    case 'blob': {
      // Loaded only when asked for: the Azure SDK adds a quarter of a second to every other start.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { SelfHealingBlobsStorage } = require('./blob-storage') as { SelfHealingBlobsStorage: typeof SelfHealingBlobsStorageClass };
      return SelfHealingBlobsStorage.fromConnectionString(storage.connectionString, storage.container, () =>
        log.warn('state-container-recreated', { store: 'blob' }),
      );
    }
  }
}
