import type { Storage, StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { isEtagConflict } from './storage-errors';

/**
 * Azure Blob state that heals itself. BlobsStorage checks its container once (createIfNotExists)
 * and remembers the outcome for its lifetime: if the container is deleted later, or the first
 * check failed (storage briefly unreachable at start-up), every later write fails until a
 * restart. Here a failed call drops the client, so the next call checks the container again;
 * a write that found its container gone recreates it at once and is tried one more time.
 */
export class SelfHealingBlobsStorage implements Storage {
  private client: Storage;

  constructor(
    private readonly make: () => Storage,
    private readonly onRecreate: () => void = () => undefined,
  ) {
    this.client = make();
  }

  static fromConnectionString(connectionString: string, container: string, onRecreate?: () => void): SelfHealingBlobsStorage {
    return new SelfHealingBlobsStorage(() => new BlobsStorage(connectionString, container), onRecreate);
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.call((s) => s.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.call((s) => s.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.call((s) => s.delete(keys));
  }

  private async call<T>(work: (s: Storage) => Promise<T>): Promise<T> {
    try {
      return await work(this.client);
    } catch (err) {
      if (isEtagConflict(err)) throw err;
      this.client = this.make();
      if (!isContainerNotFound(err)) throw err;
      this.onRecreate();
      return work(this.client);
    }
  }
}

/** The Azure Storage error for a container that does not exist (HTTP 404, code ContainerNotFound). */
export function isContainerNotFound(err: unknown): boolean {
  const e = err as { statusCode?: unknown; code?: unknown; details?: { errorCode?: unknown } } | undefined;
  return e?.statusCode === 404 && (e.code === 'ContainerNotFound' || e.details?.errorCode === 'ContainerNotFound');
}
