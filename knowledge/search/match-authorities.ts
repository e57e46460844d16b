import type { KnowledgeBase } from './load-knowledge';

/**
 * Which authorities a question names, and whether it asks for a comparison.
 * Names come from knowledge/authorities and knowledge/other-authorities.yaml (data, not code).
 */
export interface NamedAuthorities {
  /** Covered authority ids named in the question, in order of appearance. */
  covered: string[];
  /** Names of authorities without a document. */
  uncovered: string[];
  /**
   * The uncovered authority whose own way of working the question asks about ("what does islingtons own
   * da procedure say", "how does Croydon handle it"), when it is the last authority named: "moved from
   * camden to islington, what does islingtons procedure say" asks Islington's; "a referral from croydon,
   * what does lambeth expect" asks Lambeth's.
   */
  uncoveredAsked?: string;
  /** Character ranges of the names in the question, so their words are not searched as topic. */
  spans: [number, number][];
  comparing: boolean;
  /** "across authorities", "all boroughs": compare every covered authority. */
  acrossAll: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Compiled once per name: a knowledge base of many authorities asks them all for every question (matchAll copies, so sharing is safe). */
const nameRes = new Map<string, RegExp>();
const nameRe = (name: string, matchCase: boolean) => {
  const key = `${matchCase ? 'c' : 'i'}:${name}`;
  let re = nameRes.get(key);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(name).replace(/[-\s]+/g, '[-\\s]+')}(?:['’]?s)?(?![\\p{L}\\p{N}])`, matchCase ? 'gu' : 'giu');
    nameRes.set(key, re);
  }
  return re;
};

/** After an uncovered authority's name: its own procedure or way of working is asked about. */
const OWN_PROCEDURE =
  /^\s*(?:own\s+)?(?:(?:da|dv|domestic abuse|safeguarding|children'?s)\s+)?(?:procedures?|polic(?:y|ies)|protocols?|guidance|process(?:es)?|thresholds?|rules|pathways?)\b/i;
/** Before the name: "what does …", "how does … do it". */
const ASKED_OF = /\b(?:what|how|when|where|who)\s+(?:does|do|did|would|will)\s+$/i;
const COMPARE = /\b(compare|comparison|comparing|differen(?:ce|ces|t)|differ|versus|vs\.?|contrast)\b/i;
const ACROSS = /\b(across|all|every|each|other)\s+(the\s+)?(local\s+)?(authorities|boroughs|councils|areas|las)\b/i;

export function matchAuthorities(kb: KnowledgeBase, question: string): NamedAuthorities {
  const found: { id: string; at: number }[] = [];
  const spans: [number, number][] = [];
  for (const a of kb.store.authorities.filter((x) => x.covered)) {
    for (const name of [a.name, ...a.aliases, a.id]) {
      for (const m of question.matchAll(nameRe(name, false))) {
        found.push({ id: a.id, at: m.index });
        spans.push([m.index, m.index + m[0].length]);
      }
    }
  }
  const overlaps = (s: number, e: number) => spans.some(([a, b]) => s < b && e > a);
  const uncovered: string[] = [];
  let asked: { name: string; at: number } | undefined;
  for (const o of kb.store.otherAuthorities) {
    for (const m of question.matchAll(nameRe(o.name, o.matchCase))) {
      if (overlaps(m.index, m.index + m[0].length)) continue;
      const end = m.index + m[0].length;
      if (OWN_PROCEDURE.test(question.slice(end)) || ASKED_OF.test(question.slice(Math.max(0, m.index - 30), m.index))) {
        if (!asked || m.index > asked.at) asked = { name: o.name, at: m.index };
      }
      if (!uncovered.includes(o.name)) uncovered.push(o.name);
      spans.push([m.index, m.index + m[0].length]);
    }
  }
  const covered = [...new Set(found.sort((x, y) => x.at - y.at).map((f) => f.id))];
  // Asked about only when no covered authority is named after it.
  const uncoveredAsked = asked && found.every((f) => f.at < asked.at) ? asked.name : undefined;
  // Comparison wording is not topic either.
  for (const re of [ACROSS, COMPARE]) {
    for (const m of question.matchAll(new RegExp(re.source, 'gi'))) spans.push([m.index, m.index + m[0].length]);
  }
  const acrossAll = ACROSS.test(question);
  const comparing = acrossAll || covered.length >= 2 || (COMPARE.test(question) && covered.length >= 1);
  return { covered, uncovered, ...(uncoveredAsked ? { uncoveredAsked } : {}), spans, comparing, acrossAll };
}
