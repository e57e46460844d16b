import { analyze } from '../text/analyzer';
import type { CompiledContact } from '../triage/types';
import type { QuestionKind } from './classify-question';
import { topicConcepts } from './find-fact';
import type { Concept } from './expand-query';
import { idf, type KnowledgeBase } from './load-knowledge';

/**
 * "Who do I contact about X" is answered first from the asker's authority's own contact data
 * (knowledge/authorities/<id>.yaml: role, name, phone, email, hours, and the referrals each
 * contact takes), each contact cited to the passage that gives it.
 */
const MAX_CONTACTS = 2;
/** Share of the question's specific topic weight a contact must match. */
const MIN_MATCH = 0.5;
/** Everyday words (mum, dad, worker) weigh less than this and never match a contact on their own. */
const SPECIFIC_WEIGHT = 2;

const contactTerms = new WeakMap<CompiledContact, Set<string>>();

function termsOf(c: CompiledContact): Set<string> {
  let t = contactTerms.get(c);
  if (!t) {
    t = new Set(analyze([c.role, c.name ?? '', ...c.serves.map((s) => s.replace(/-/g, ' '))].join(' ')));
    contactTerms.set(c, t);
  }
  return t;
}

/**
 * How specific a concept is: the rarest reading of it is not enough ("dad" is rare in the
 * documents, but it also means "parent", which is everywhere), so the commonest single-word
 * alternative decides.
 */
function specificity(kb: KnowledgeBase, c: Concept): number {
  const singles = c.alternatives.filter((a) => a.length === 1 && kb.df.has(a[0]!)).map((a) => idf(kb, a[0]!));
  return singles.length ? Math.min(c.weight, ...singles) : c.weight;
}

function match(kb: KnowledgeBase, topic: readonly Concept[], terms: Set<string>): number {
  const total = topic.reduce((s, c) => s + specificity(kb, c), 0);
  if (total === 0) return 0;
  return topic.reduce((s, c) => s + (c.alternatives.some((a) => a.every((t) => terms.has(t))) ? specificity(kb, c) : 0), 0) / total;
}

/** The authority's contacts that the question asks for, best first (none for other questions). */
export function contactAnswers(kb: KnowledgeBase, concepts: readonly Concept[], kind: QuestionKind, authority: string | undefined): CompiledContact[] {
  if (!authority || !(kind.phone || kind.email || kind.who)) return [];
  const contacts = kb.store.authorities.find((a) => a.id === authority)?.contacts ?? [];
  const topic = topicConcepts(concepts).filter((c) => specificity(kb, c) >= SPECIFIC_WEIGHT);
  if (topic.length === 0) return [];
  return contacts
    .map((c) => ({ c, m: match(kb, topic, termsOf(c)) }))
    .filter(({ m }) => m >= MIN_MATCH)
    .sort((a, b) => b.m - a.m)
    .slice(0, MAX_CONTACTS)
    .map(({ c }) => c);
}
