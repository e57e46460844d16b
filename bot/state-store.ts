import type { Storage } from 'botbuilder';
import type { Logger } from './log';
import { withBreaker, type BreakerState } from './storage-breaker';
import { withTimeout } from './storage-timeout';
import { createStateIds, withHashedKeys } from './state-keys';

/**
 * The state store as the bot uses it, from the outside in:
 *
 *   hashed keys   no Teams user or conversation id reaches the store (state-keys.ts)
 *   breaker       after repeated faults, fail at once for a while (storage-breaker.ts)
 *   timeout       no call waits longer than STORAGE_TIMEOUT_MS (storage-timeout.ts)
 *   base store    memory, file (quarantines damaged files) or blob (recreates its container)
 */
export interface StateStore {
  storage: Storage;
  /** The keyed hash for an id kept inside state (a triage dialog's owner). */
  hashId(id: string): string;
  /** One read through the whole stack: false when storage is failing or the breaker is open (/readyz). */
  reachable(): Promise<boolean>;
  readonly breaker: BreakerState;
}

export interface StateStoreOptions {
  salt: string;
  timeoutMs: number;
  breaker: { failures: number; openMs: number };
  log: Logger;
}

/** A key no state uses: reading it checks the store answers, and changes nothing. */
const PROBE_KEY = 'health/readiness-probe';

export function createStateStore(base: Storage, opts: StateStoreOptions): StateStore {
  const ids = createStateIds(opts.salt);
  const breaker = withBreaker(withTimeout(base, opts.timeoutMs), {
    ...opts.breaker,
    onChange: (state, failures) => {
      if (state === 'open') opts.log.warn('storage-breaker', { state, failures });
      else opts.log.info('storage-breaker', { state });
    },
  });
  const storage = withHashedKeys(breaker, ids);
  return {
    storage,
    hashId: ids.id,
    reachable: async () => {
      try {
        await storage.read([PROBE_KEY]);
        return true;
      } catch {
        return false;
      }
    },
    get breaker() {
      return breaker.state;
    },
  };
}
