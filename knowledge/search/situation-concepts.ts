import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../text/analyzer';
import { TRIAGE_FILE } from '../triage/build';
import { loadTriageKnowledge } from '../triage/load';
import { readIndicators } from '../triage/read-indicators';
import type { TriageKnowledge } from '../triage/types';
import type { Concept, QueryPlan } from './expand-query';
import type { KnowledgeBase } from './load-knowledge';

/**
 * A practitioner mid-case describes the situation and rarely names the policy's term for it ("her
 * 14yo keeps shoving her" is adolescent to parent violence; "he helps out at cubs" is a position of
 * trust). The triage reader's patterns, written for such descriptions, say which situation a
 * question describes; the indicator's `askedAbout` words (data, in knowledge/triage/indicators/)
 * then join the question as one more concept and a few search terms.
 */
export interface Situation {
  indicator: string;
  /** Each of the documents' phrases for it, analysed. */
  alternatives: string[][];
}

/** Search boost of a situation's words: below the asker's own words (1) and near a synonym's (0.4). */
export const SITUATION_BOOST = 0.5;
/**
 * Its weight as a concept: this share of the question's own concepts' weight (shared between the
 * situations read). A situation the reader recognised says more than any one incidental word
 * ("cubs", "every week"), however rare that word is.
 */
export const SITUATION_SHARE = 0.3;
const MIN_WEIGHT = 1.5;
/** The weight of a described detail: a mid-frequency word's. */
const DETAIL_WEIGHT = 2;

/** The indicators with words to search for, and those words analysed: prepared once per knowledge base. */
interface SituationReader {
  tk: TriageKnowledge;
  askedAbout: Map<string, string[][]>;
}

const readerOf = new WeakMap<KnowledgeBase, SituationReader | null>();

/** The compiled triage knowledge built beside the passages (only the indicators with `askedAbout` words), or null when this build has none. */
function readerFor(kb: KnowledgeBase): SituationReader | null {
  let r = readerOf.get(kb);
  if (r === undefined) {
    const full = existsSync(join(kb.dir, TRIAGE_FILE)) ? loadTriageKnowledge(kb.dir) : null;
    // Only the indicators with words to search for are read: a question is read in a few milliseconds.
    const indicators = full?.indicators.filter((i) => i.askedAbout?.length) ?? [];
    r = full && {
      tk: { ...full, indicators },
      askedAbout: new Map(indicators.map((i) => [i.id, i.askedAbout!.map((p) => analyze(p)).filter((a) => a.length)])),
    };
    readerOf.set(kb, r);
  }
  return r;
}

/** What the triage patterns read in a question. */
export interface ReadSituations {
  /** The situations with words to search for. */
  searched: Situation[];
  /** Terms of the words the patterns read as a described situation ("kicks the dog"): details of it, not a sign of another topic. */
  described: Set<string>;
}

/** The situations a question describes, as the triage patterns read them (none when this build has no triage knowledge). */
export function situationsIn(kb: KnowledgeBase, question: string): ReadSituations {
  const r = readerFor(kb);
  if (!r) return { searched: [], described: new Set() };
  const read = readIndicators(r.tk, question).indicators;
  const searched = read.map((i) => ({ indicator: i.id, alternatives: r.askedAbout.get(i.id) ?? [] })).filter((s) => s.alternatives.length);
  // A situation described in words ("kicking the dog"), not one term named ("dementia", "MAPPA", "on bail").
  const spans = read.map((i) => analyze(i.evidence)).filter((terms) => terms.length >= 2);
  return { searched, described: new Set(spans.flat()) };
}

/** The plan with each situation the question describes added (unless the question already names it). */
export function withSituations(kb: KnowledgeBase, plan: QueryPlan, read: ReadSituations): QueryPlan {
  const situations = read.searched;
  // A word no document uses that the patterns read as part of the situation weighs as a detail.
  const detail = (c: Concept) => c.unseen && c.alternatives[0]!.every((t) => read.described.has(t));
  const concepts: Concept[] = plan.concepts.map((c) => (detail(c) ? { label: c.label, alternatives: c.alternatives, weight: DETAIL_WEIGHT } : c));
  if (situations.length === 0) return { ...plan, concepts };
  const named = new Set(plan.concepts.flatMap((c) => c.alternatives.map((a) => a.join(' '))));
  const own = concepts.reduce((sum, c) => sum + c.weight, 0);
  const weight = Math.max(MIN_WEIGHT, (SITUATION_SHARE * own) / situations.length);
  const boosts = new Map(plan.terms.map((t) => [t.term, t.boost]));
  for (const s of situations) {
    if (s.alternatives.some((a) => named.has(a.join(' ')))) continue;
    concepts.push({ label: `situation: ${s.indicator}`, alternatives: s.alternatives, weight });
    for (const a of s.alternatives) for (const t of a) if (kb.df.has(t)) boosts.set(t, Math.max(boosts.get(t) ?? 0, SITUATION_BOOST));
  }
  return { ...plan, concepts, terms: [...boosts].map(([term, boost]) => ({ term, boost })) };
}
