import { analyze } from '../text/analyzer';
import { splitSentences } from '../text/sentences';
import { topIndices } from '../meaning/meaning-table';
import type { StoredPassage } from '../store';
import type { QuestionKind } from './classify-question';
import type { Concept, QueryPlan } from './expand-query';
import { idf, shapeOf, type KnowledgeBase, type PassageShape } from './load-knowledge';

/**
 * Rank passages for a query plan: lunr's BM25 over fields finds candidates, then a rerank
 * weighs how much of the question each passage covers, section-title matches, phrases,
 * the shape of answer the question wants, and the asker's authority.
 */
export interface Scored {
  passage: StoredPassage;
  score: number;
  /** Weighted share of the question's concepts the passage (text or section path) covers, 0–1. */
  coverage: number;
  lunrScore: number;
  /** Cosine similarity of the question to the passage's closest sentence (or to the whole passage); -1 without the meaning signal. */
  meaning: number;
  /** The evidence the score is made of, kept so that `npm run tune` can weigh it again without re-reading the question. */
  parts: ScoreParts;
}

/** The evidence for one passage, before weighting (see `scoreOf`). */
export interface ScoreParts {
  /** lunr's BM25 score as a share of the best candidate's. */
  lunr: number;
  /** Similarity in meaning (-1 without it) and the best any passage reached for this question. */
  meaning: number;
  bestMeaning: number;
  /** Share of the question's concepts the passage covers (a defining sentence counts as at least RANKING.definesCoverage). */
  coverage: number;
  /** Share covered by the passage's own section title. */
  title: number;
  /** Share of the question's word pairs found as pairs in the passage. */
  phrase: number;
  /** The answer-shape and definition bonuses (a number asked and given, a defining sentence). */
  shape: number;
  /** The authority preference factor (own, named, other, national). */
  authority: number;
}

/**
 * How the evidence is weighed into one score: meaning beside the lexical parts, and how strongly
 * the asker's authority is preferred. Fitted on the dev and calibration sets by `npm run tune`
 * (scripts/tune-ranking.ts), which prints the held-out figure for every fit.
 */
export interface FusionWeights {
  /** Weight of the meaning signal beside the lexical parts. */
  meaning: number;
  /** Similarity at or below which a passage gets no meaning credit; credit then rises linearly to the question's best. */
  meaningFloor: number;
  /** Passages taken from the meaning ranking in addition to lunr's candidates. */
  meaningDepth: number;
  /** Weights of the lexical parts (see ScoreParts). */
  lunr: number;
  coverage: number;
  title: number;
  phrase: number;
  shape: number;
  /** Each authority factor (RANKING.authority) is raised to this power: 1 as set, 0 no preference. */
  authority: number;
}

export const FUSION: FusionWeights = {
  meaning: 0.3,
  meaningFloor: 0.2,
  meaningDepth: 15,
  lunr: 0.35,
  coverage: 0.6,
  title: 0.2,
  phrase: 0.1,
  shape: 1,
  authority: 1,
};

/** One passage's score from its evidence: the weighted parts (never below 0), times the authority preference. */
export function scoreOf(parts: ScoreParts, fusion: FusionWeights): number {
  const credit = parts.bestMeaning > fusion.meaningFloor ? Math.max(0, parts.meaning - fusion.meaningFloor) / (parts.bestMeaning - fusion.meaningFloor) : 0;
  const base =
    fusion.lunr * parts.lunr +
    fusion.meaning * credit +
    fusion.coverage * parts.coverage +
    fusion.title * parts.title +
    fusion.phrase * parts.phrase +
    fusion.shape * parts.shape;
  return Math.max(0, base) * Math.pow(parts.authority, fusion.authority);
}

/** Best score first; equal scores keep document order (sorts in place). */
export function bestFirst(scored: Scored[]): Scored[] {
  return scored.sort((a, b) => b.score - a.score || a.passage.ordinal - b.passage.ordinal);
}

/** Scored passages weighed again with other fusion weights, best first: what `npm run tune` tries. */
export function reweigh(scored: readonly Scored[], fusion: FusionWeights): Scored[] {
  return bestFirst(scored.map((s) => ({ ...s, score: scoreOf(s.parts, fusion) })));
}

export interface AuthorityPreference {
  /** Preferred authority id, if any. */
  prefer?: string;
  /** The question itself named it (a stronger preference than the profile). */
  named: boolean;
}

/**
 * The constants of the lexical evidence, in one place. They were set by hand against the dev
 * sets' kinds of question when the project began; how the evidence is weighed is FUSION above,
 * which `npm run tune` fits.
 */
export const RANKING = {
  /** lunr candidates re-ranked (far down BM25's list nothing wins on coverage alone). */
  rerankDepth: 120,
  /** A synonym counts for a little less than the asker's own word. */
  synonymCredit: 0.8,
  /** Answer shape: a passage of the asked-for shape gains, one without loses a little (a number asked, none given). */
  shape: {
    phone: { has: 0.15, lacks: -0.05 },
    email: { has: 0.12, lacks: 0 },
    /** "Who do I contact": a named person with a number or address. */
    namedContact: 0.05,
    figure: { has: 0.12, lacks: -0.03 },
    time: { has: 0.1, lacks: -0.03 },
    /**
     * A directory entry (a name and an address, nothing else) answers only a question that asks for
     * someone to contact: its section title ("CSU DV lead officer") matched many questions about DV.
     * From the fifty-second and fifty-third calibration batches' kinds.
     */
    listingNotAsked: -0.2,
  },
  /** Purpose questions ("what is X for"): a passage that says what something is used to do; more when that sentence names X. */
  purpose: 0.15,
  purposeNamed: 0.6,
  /** Definition questions: the section named for the subject, its opening passage, a defining sentence (opening or not), a quoted subject with its condition, a quoted subject. */
  definition: { sectionNamed: 0.15, firstInSection: 0.1, sentenceOpening: 0.15, sentence: 0.1, conditionalOpening: 0.2, conditional: 0.15, quoted: 0.1 },
  /**
   * A passage with a sentence that defines the asked subject covers a definition question at least this
   * much, however much context the question wraps round it ("whats csn? its all over the case notes").
   */
  definesCoverage: 0.6,
  /** Authority factors: the asker's own (profile), one named in the question, another when one was named, the national summary. */
  authority: { own: 1.35, named: 1.6, otherWhenNamed: 0.75, national: 0.8 },
  /** In a document several authorities share, the passage about the one asked about is lifted (and the other's lowered) by this. */
  sharedDocNamed: 1.1,
  /** A term in more than this share of passages only re-ranks; it does not find candidates. */
  commonTermShare: 0.25,
  /** The most telling terms (boost × rarity) that find candidates. */
  maxCandidateTerms: 16,
} as const;

const RERANK_DEPTH = RANKING.rerankDepth;
const SHARED_DOC_NAMED = RANKING.sharedDocNamed;
const SYNONYM_CREDIT = RANKING.synonymCredit;

/** How far a passage (its terms, and its shape for shape concepts) satisfies a concept: 0, SYNONYM_CREDIT or 1. */
export function satisfied(concept: Concept, terms: Set<string>, shape?: PassageShape): number {
  const has = (alt: string[]) => alt.every((t) => terms.has(t));
  if (has(concept.alternatives[0]!)) return 1;
  if (concept.shape && shape) {
    if (concept.shape === 'figure') return shape.figure ? 1 : 0;
    if (concept.shape === 'time') return shape.time ? 1 : 0;
    if (concept.shape === 'phone' ? shape.phone : concept.shape === 'email' ? shape.email : shape.phone || shape.email) return 1;
  }
  return concept.alternatives.slice(1).some(has) ? SYNONYM_CREDIT : 0;
}

export function coverageOf(concepts: readonly Concept[], terms: Set<string>, shape?: PassageShape): number {
  const total = concepts.reduce((s, c) => s + c.weight, 0);
  if (total === 0) return 0;
  return concepts.reduce((s, c) => s + satisfied(c, terms, shape) * c.weight, 0) / total;
}

export { shapeOf };

function phraseShare(sequence: readonly string[], pairs: Set<string>): number {
  if (sequence.length < 2) return 0;
  let hits = 0;
  for (let i = 0; i + 1 < sequence.length; i++) if (pairs.has(`${sequence[i]} ${sequence[i + 1]}`)) hits++;
  return hits / (sequence.length - 1);
}

interface Definition {
  subject: string[];
  /** "X is …" / "X means …" / "X may be referred to as …" at the start of a sentence reads as a definition. */
  pattern: RegExp;
  /** The subject in quotes ("the “personally connected” person"), or introduced by name ("known as a DIAL"), is being named. */
  quoted: RegExp;
  /** The subject named anywhere, as a phrase (a glossary form) or by all its words ("Barnardos risk assessment matrix"). */
  named: (sentence: string) => boolean;
  /** The subject in quotes followed by its condition ("a person is “personally connected” if:") is being defined. */
  conditional: RegExp;
}

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What a definition question asks to define, as the words of the subject and, when the
 * subject is a glossary term, its expansion and variants too ("APVA" is defined in the
 * document as "Adolescent to parent violence and abuse …").
 */
function definitionOf(kind: QuestionKind, plan: QueryPlan): Definition | undefined {
  if (!kind.definitionOf) return undefined;
  const subject = kind.definitionOf.join(' ');
  const subjectTerms = analyze(subject);
  const forms = new Set([subject]);
  for (const e of plan.glossaryHits) {
    const all = [e.term, e.expansion, ...e.variants];
    if (all.some((f) => analyze(f).join(' ') === subjectTerms.join(' '))) for (const f of all) forms.add(f.toLowerCase());
  }
  const phrases = [...forms]
    .map((f) =>
      f
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
        .map(escapeRe)
        .join('\\W+'),
    )
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .join('|');
  const phrase = new RegExp(`\\b(?:${phrases})`, 'iu');
  return {
    subject: subjectTerms,
    pattern: new RegExp(
      `(?:^|[.:;!?]\\s+|\\n|•\\s*)["“‘']?(?:the\\s+|an?\\s+)?(?:${phrases})\\w*["”’']?(?:\\s*\\([^)]{1,20}\\))?[^.]{0,40}?\\b(?:is|are|means?|refers?|referred|defined|describes?)\\b`,
      'iu',
    ),
    quoted: new RegExp(`["“‘](?:${phrases})["”’]|\\b(?:known|referred\\s+to)\\s+as\\s+(?:an?\\s+|the\\s+)?["“‘']?(?:${phrases})\\b`, 'iu'),
    conditional: new RegExp(`["“‘](?:${phrases})["”’']\\s*(?:if|when|where|means)\\b`, 'iu'),
    named: (sentence) => {
      if (phrase.test(sentence)) return true;
      const terms = new Set(analyze(sentence));
      return subjectTerms.length > 0 && subjectTerms.every((t) => terms.has(t));
    },
  };
}

/** A sentence of the passage says what the subject is used to do. */
function namesPurposeOf(text: string, def: Definition): boolean {
  return splitSentences(text).some((s) => def.named(s) && shapeOf(s).purpose);
}

function shapeBonus(
  kind: QuestionKind,
  def: Definition | undefined,
  defining: RegExpExecArray | null,
  p: StoredPassage,
  shape: PassageShape,
  leaf: Set<string>,
  firstInSection: boolean,
): number {
  let bonus = 0;
  const S = RANKING.shape;
  const D = RANKING.definition;
  if (kind.phone) bonus += shape.phone ? S.phone.has : S.phone.lacks;
  if (kind.email) bonus += shape.email ? S.email.has : S.email.lacks;
  if (kind.who && (shape.phone || shape.email) && shape.name) bonus += S.namedContact;
  if (kind.stats) bonus += shape.figure ? S.figure.has : S.figure.lacks;
  if (kind.time) bonus += shape.time ? S.time.has : S.time.lacks;
  if (shape.listing && !kind.phone && !kind.email && !kind.who) bonus += S.listingNotAsked;
  if (kind.purpose && shape.purpose) bonus += def && namesPurposeOf(p.text, def) ? RANKING.purposeNamed : RANKING.purpose;
  if (def) {
    // The opening passage of a section named for the subject usually defines it.
    if (def.subject.length && def.subject.every((t) => leaf.has(t))) bonus += D.sectionNamed + (firstInSection ? D.firstInSection : 0);
    // A sentence that defines the subject: most when it opens the passage.
    if (defining) bonus += defining.index === 0 ? D.sentenceOpening : D.sentence;
    else {
      // "A person is “X” if: …" states the test for X: a definition, strongest as the passage's opening sentence.
      const c = def.conditional.exec(p.text);
      if (c) bonus += /^[^.:;!?]*$/.test(p.text.slice(0, c.index)) ? D.conditionalOpening : D.conditional;
      else if (def.quoted.test(p.text)) bonus += D.quoted;
    }
  }
  return bonus;
}

/**
 * Which of a shared document's authorities a passage is about: those it names; a passage that
 * names none continues the block of the authority its section's previous passage named last
 * (a contact list split into passages: "Staffordshire Police: 101 …" then "First Response
 * Service: … Out of Hours …"). Empty when unknown or the document has one authority.
 */
const localities = new WeakMap<KnowledgeBase, Map<string, Set<string>>>();
function localityOf(kb: KnowledgeBase, p: StoredPassage): Set<string> {
  let byId = localities.get(kb);
  if (!byId) {
    byId = new Map();
    localities.set(kb, byId);
    let prev: StoredPassage | undefined;
    for (const q of kb.store.passages) {
      const doc = kb.documents.get(q.docId);
      const out = new Set<string>();
      if (doc && doc.authorities.length > 1) {
        const terms = new Set(q.terms);
        for (const a of doc.authorities) {
          const name = analyze(kb.authorityNames.get(a) ?? a);
          if (name.length && name.every((t) => terms.has(t))) out.add(a);
        }
        if (out.size === 0 && prev && prev.anchor === q.anchor) {
          const text = prev.text.toLowerCase();
          let last = -1;
          let who: string | undefined;
          for (const a of doc.authorities) {
            const at = text.lastIndexOf((kb.authorityNames.get(a) ?? a).toLowerCase());
            if (at > last) [last, who] = [at, a];
          }
          if (who) out.add(who);
        }
      }
      byId.set(q.id, out);
      prev = q;
    }
  }
  return byId.get(p.id) ?? new Set();
}

function authorityFactor(kb: KnowledgeBase, p: StoredPassage, pref: AuthorityPreference): number {
  const doc = kb.documents.get(p.docId);
  if (!doc) return 1;
  const A = RANKING.authority;
  if (doc.national) return A.national;
  if (!pref.prefer) return 1;
  if (doc.authorities.includes(pref.prefer)) {
    // A document shared by several authorities (Stoke-on-Trent and Staffordshire): the passage
    // about the one asked about (or the asker's own) leads the one about the other.
    const local = doc.authorities.length > 1 ? localityOf(kb, p) : new Set<string>();
    if (!pref.named) {
      if (local.size === 1) return local.has(pref.prefer) ? A.own * SHARED_DOC_NAMED : A.own / SHARED_DOC_NAMED;
      return A.own;
    }
    return local.has(pref.prefer) ? A.named * SHARED_DOC_NAMED : A.named;
  }
  return pref.named ? A.otherWhenNamed : 1;
}

/**
 * A term in most passages ("domestic", "abuse", "child") finds candidates that rarer terms
 * already find, while lunr scores every one of its postings: it stays out of the candidate
 * query (unless it is all the question has) and still counts in the rerank's coverage.
 */
const COMMON_TERM_SHARE = RANKING.commonTermShare;
/**
 * A long expanded question (synonyms, glossary forms, word neighbours) can hold thirty terms; the
 * most telling ones (boost × rarity) find the candidates, and every term still counts in the rerank.
 */
const MAX_CANDIDATE_TERMS = RANKING.maxCandidateTerms;

function candidateTerms(kb: KnowledgeBase, plan: QueryPlan): QueryPlan['terms'] {
  const limit = kb.store.passages.length * COMMON_TERM_SHARE;
  // A term no passage holds finds nothing: it must not take the place of one that does.
  const specific = plan.terms.filter((t) => kb.df.has(t.term) && kb.df.get(t.term)! <= limit);
  const terms = specific.length ? specific : plan.terms;
  if (terms.length <= MAX_CANDIDATE_TERMS) return terms;
  const telling = (t: QueryPlan['terms'][number]) => t.boost * idf(kb, t.term);
  return [...terms].sort((a, b) => telling(b) - telling(a)).slice(0, MAX_CANDIDATE_TERMS);
}

export function rankPassages(
  kb: KnowledgeBase,
  plan: QueryPlan,
  kind: QuestionKind,
  pref: AuthorityPreference,
  meaning?: Float32Array,
  fusion: FusionWeights = FUSION,
): Scored[] {
  if (plan.terms.length === 0 && !meaning) return [];
  const hits = plan.terms.length === 0 ? [] : kb.terms.query(candidateTerms(kb, plan));
  const maxLunr = hits[0]?.score || 1;
  const def = definitionOf(kind, plan);
  // Rerank the strongest lunr candidates only (far down BM25's list nothing wins on coverage
  // alone), joined by the passages closest in meaning.
  const candidates = new Map<string, number>(hits.slice(0, RERANK_DEPTH).map((h) => [h.ref, h.score]));
  let bestMeaning = 0;
  if (meaning) {
    for (const i of topIndices(meaning, fusion.meaningDepth)) {
      const id = kb.store.passages[i]!.id;
      if (!candidates.has(id)) candidates.set(id, 0);
    }
    bestMeaning = meaning.reduce((m, x) => (x > m ? x : m), -1);
  }
  const scored: Scored[] = [];
  for (const [id, lunrScore] of candidates) {
    const p = kb.passages.get(id);
    if (!p || kb.navigation.has(id)) continue;
    const terms = kb.termSets.get(p.id)!;
    const leaf = kb.leafTitleTerms.get(p.id)!;
    const shape = kb.shapes.get(p.id)!;
    // A sentence defining the asked subject, matched once for both the coverage floor and the bonus.
    const defining = def ? def.pattern.exec(p.text) : null;
    const lexicalCoverage = coverageOf(plan.concepts, terms, shape);
    const coverage = defining ? Math.max(RANKING.definesCoverage, lexicalCoverage) : lexicalCoverage;
    const sim = meaning ? meaning[kb.ordinalOf.get(id)!]! : -1;
    const parts: ScoreParts = {
      lunr: lunrScore / maxLunr,
      meaning: sim,
      bestMeaning: meaning ? bestMeaning : -1,
      coverage,
      title: coverageOf(plan.concepts, leaf),
      phrase: phraseShare(plan.sequence, kb.bigrams.get(p.id)!),
      shape: shapeBonus(kind, def, defining, p, shape, leaf, kb.firstInSection.has(p.id)),
      authority: authorityFactor(kb, p, pref),
    };
    scored.push({ passage: p, score: scoreOf(parts, fusion), coverage, lunrScore, meaning: sim, parts });
  }
  return bestFirst(scored);
}
