import { kindOf, meaningOf, prepareQuery, toRankedAnswer } from './answer-question';
import type { KnowledgeBase } from './load-knowledge';
import { rankPassages } from './rank-passages';
import type { RankedAnswer, SearchOptions } from './types';

/** Paged search for the Teams message extension: ranked passages, no declining. */
export function searchPassages(kb: KnowledgeBase, query: string, opts: SearchOptions = {}): { total: number; items: RankedAnswer[] } {
  const { named, plan, text } = prepareQuery(kb, query);
  if (!text || plan.concepts.length === 0) return { total: 0, items: [] };
  const profile = opts.authority && kb.coveredAuthorities.includes(opts.authority) ? opts.authority : undefined;
  const ranked = rankPassages(
    kb,
    plan,
    kindOf(text, plan),
    {
      prefer: named.covered[0] ?? profile,
      named: named.covered.length > 0,
    },
    meaningOf(kb, opts.queryVector),
  ).filter((s) => s.coverage > 0);
  const skip = Math.max(0, Math.floor(opts.skip ?? 0));
  const count = Math.max(0, Math.min(50, Math.floor(opts.count ?? 10)));
  const today = opts.today ?? new Date();
  return { total: ranked.length, items: ranked.slice(skip, skip + count).map((s) => toRankedAnswer(kb, s, plan, today, kindOf(text, plan))) };
}
