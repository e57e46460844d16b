import type { QueryPlan } from './expand-query';
import type { Scored } from './rank-passages';

/**
 * Whether the best passage really answers the question. The rule: most of the question's
 * weighted concepts (rare and unknown words weigh most) must be in the passage, and the
 * passage must be a clear match in absolute terms. Otherwise the bot declines.
 */
export const MIN_COVERAGE = 0.55;
export const MIN_SCORE = 0.45;

export type Confidence = { confident: true } | { confident: false; reason: 'off-topic' | 'empty' };

export function decideConfidence(plan: QueryPlan, best: Scored | undefined): Confidence {
  if (plan.concepts.length === 0) return { confident: false, reason: 'empty' };
  if (!best) return { confident: false, reason: 'off-topic' };
  if (best.coverage < MIN_COVERAGE || best.score < MIN_SCORE) return { confident: false, reason: 'off-topic' };
  return { confident: true };
}
