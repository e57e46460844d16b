import type { Storage, StoreItems } from 'botbuilder';

/** Storage did not answer within STORAGE_TIMEOUT_MS: the turn ends with a plain apology, not a hang. */
export class StorageTimeoutError extends Error {
  override readonly name = 'StorageTimeoutError';
  constructor(operation: string, ms: number) {
    super(`storage ${operation} took longer than ${ms} ms`);
  }
}

function within<T>(operation: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new StorageTimeoutError(operation, ms)), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Wrap a Bot Framework storage so that no read, write or delete waits longer than `ms`. */
export function withTimeout(storage: Storage, ms: number): Storage {
  return {
    read: (keys: string[]) => within('read', ms, storage.read(keys)),
    write: (changes: StoreItems) => within('write', ms, storage.write(changes)),
    delete: (keys: string[]) => within('delete', ms, storage.delete(keys)),
  };
}
