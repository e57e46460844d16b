/**
 * What can go wrong with the state store, as the turn sees it. Every storage fault reaches the
 * handler as a StorageError (the breaker wraps anything else), so a turn can tell "storage is
 * down" from a bug, answer a question without state, and apologise plainly where state is needed.
 * Messages name the operation only: never a key, a value or the store's own message.
 */
export class StorageError extends Error {
  override readonly name: string = 'StorageError';
}

/** Storage did not answer within STORAGE_TIMEOUT_MS. */
export class StorageTimeoutError extends StorageError {
  override readonly name = 'StorageTimeoutError';
  constructor(operation: string, ms: number) {
    super(`storage ${operation} took longer than ${ms} ms`);
  }
}

/** The circuit breaker is open: storage failed repeatedly, so calls fail at once for a while. */
export class StorageUnavailableError extends StorageError {
  override readonly name = 'StorageUnavailableError';
  constructor(operation: string) {
    super(`storage ${operation} not tried: storage is failing`);
  }
}

/** The store itself failed (network, permissions, a bad file). `cause` keeps the original for debugging. */
export class StorageFailedError extends StorageError {
  override readonly name = 'StorageFailedError';
  constructor(operation: string, cause: unknown) {
    super(`storage ${operation} failed (${cause instanceof Error ? cause.name : 'unknown'})`, { cause });
  }
}

/**
 * A write refused because the item changed since it was read (an eTag mismatch): the store
 * answered, so this is not a fault. MemoryStorage, FileStorage and BlobsStorage all say it this way.
 */
export function isEtagConflict(err: unknown): boolean {
  return err instanceof Error && /eTag conflict/i.test(err.message);
}
