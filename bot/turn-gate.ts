import cluster from 'node:cluster';
import type { TurnContext } from 'botbuilder';
import { RateLimiterCluster, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { hashId } from './log';

/**
 * What a turn must pass before the bot reads it: the organisation's tenant allow-list (when one
 * is set, activities from any other tenant are dropped unanswered) and a per-user rate, so one
 * user or a runaway client cannot slow the bot for everyone. Keys are hashed ids, never names.
 */
export interface TurnGateOptions {
  /** Entra tenant ids allowed to use the bot; empty = any tenant the Bot Framework lets through. */
  allowedTenantIds?: readonly string[];
  /** Messages and invokes per user per minute. */
  perUserPerMinute?: number;
}

export type GateVerdict = { pass: true } | { pass: false; reason: 'tenant' } | { pass: false; reason: 'rate'; tellUser: boolean };

export function tenantOf(turn: TurnContext): string | undefined {
  const data = turn.activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannel = typeof data?.tenant?.id === 'string' ? data.tenant.id : undefined;
  return turn.activity.conversation?.tenantId ?? fromChannel;
}

export function createTurnGate(opts: TurnGateOptions = {}): (turn: TurnContext) => Promise<GateVerdict> {
  const allowed = new Set((opts.allowedTenantIds ?? []).map((t) => t.toLowerCase()));
  const points = opts.perUserPerMinute ?? 30;
  // In a worker (WORKERS above 1) the count is kept by the primary, so the rate is per user, not per worker.
  const limiter = cluster.isWorker
    ? new RateLimiterCluster({ keyPrefix: 'turn-gate', points, duration: 60, timeoutMs: 2000 })
    : new RateLimiterMemory({ points, duration: 60 });
  return async (turn) => {
    const tenant = tenantOf(turn);
    if (allowed.size > 0 && (!tenant || !allowed.has(tenant.toLowerCase()))) return { pass: false, reason: 'tenant' };
    const type = turn.activity.type;
    if (type !== 'message' && type !== 'invoke') return { pass: true };
    const user = turn.activity.from?.aadObjectId ?? turn.activity.from?.id ?? 'unknown';
    try {
      await limiter.consume(hashId(user));
      return { pass: true };
    } catch (res) {
      // The primary did not answer in time (workers only): answering matters more than counting.
      if (!(res instanceof RateLimiterRes)) return { pass: true };
      // Told once per window: the first refused turn says so, the rest are dropped quietly.
      return { pass: false, reason: 'rate', tellUser: res.consumedPoints === points + 1 };
    }
  };
}
