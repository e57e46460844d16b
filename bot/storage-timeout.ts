import type { Storage, StoreItems } from 'botbuilder';
import { StorageTimeoutError } from './storage-errors';

export { StorageTimeoutError } from './storage-errors';

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
