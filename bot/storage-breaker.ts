import type { Storage, StoreItems } from 'botbuilder';
import { isEtagConflict, StorageError, StorageFailedError, StorageUnavailableError } from './storage-errors';

/**
 * A circuit breaker around the state store. After `failures` consecutive faults (errors or
 * timeouts) it opens: every call fails at once with StorageUnavailableError for `openMs`, instead
 * of each turn waiting out the timeout. After that one call is let through as a probe: if it
 * succeeds the breaker closes, if it fails it stays open for another `openMs`.
 *
 * An eTag conflict is the store answering, not a fault. Any other failure is rethrown as a
 * StorageError (the original kept as its `cause`).
 */
export interface BreakerOptions {
  /** Consecutive faults that open the breaker. */
  failures: number;
  /** How long it stays open before a probe is allowed. */
  openMs: number;
  /** Told when the breaker opens or closes again. */
  onChange?: (state: 'open' | 'closed', failures: number) => void;
  now?: () => number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerStorage extends Storage {
  readonly state: BreakerState;
}

export function withBreaker(storage: Storage, opts: BreakerOptions): BreakerStorage {
  const now = opts.now ?? Date.now;
  let failures = 0;
  let openedAt: number | undefined;
  let probing = false;

  const succeed = () => {
    failures = 0;
    if (openedAt === undefined) return;
    openedAt = undefined;
    opts.onChange?.('closed', 0);
  };
  const fail = (probe: boolean) => {
    failures++;
    if (!probe && failures < opts.failures) return;
    const wasOpen = openedAt !== undefined;
    openedAt = now();
    if (!wasOpen) opts.onChange?.('open', failures);
  };

  async function call<T>(operation: string, work: () => Promise<T>): Promise<T> {
    const probe = openedAt !== undefined;
    if (probe && (probing || now() - openedAt! < opts.openMs)) throw new StorageUnavailableError(operation);
    if (probe) probing = true;
    try {
      const result = await work();
      succeed();
      return result;
    } catch (err) {
      if (isEtagConflict(err)) {
        succeed();
        throw err;
      }
      fail(probe);
      throw err instanceof StorageError ? err : new StorageFailedError(operation, err);
    } finally {
      if (probe) probing = false;
    }
  }

  return {
    get state(): BreakerState {
      if (openedAt === undefined) return 'closed';
      return now() - openedAt < opts.openMs ? 'open' : 'half-open';
    },
    read: (keys: string[]) => call('read', () => storage.read(keys)),
    write: (changes: StoreItems) => call('write', () => storage.write(changes)),
    delete: (keys: string[]) => call('delete', () => storage.delete(keys)),
  };
}
