import { analyze, isStopWord, stem, words } from '../text/analyzer';
import { doingWords } from '../text/word-class';
import type { GlossaryEntry } from '../schemas/data-files';
import { classifyQuestion, SHAPE_PHRASES, type AnswerShape } from './classify-question';
import { idf, type KnowledgeBase } from './load-knowledge';
import { NEIGHBOUR_MIN, wordNeighbours } from './word-neighbours';
import { oneEditApart } from '../text/edit-distance';

/**
 * Turn a question into weighted search terms and "concepts" for the confidence rule.
 * Glossary entries expand both ways (acronym ↔ expansion ↔ variant spellings) and synonym
 * groups bring in the documents' own words. Nothing here is passed to lunr's query parser.
 */
export interface Concept {
  /** What the asker wrote, for debugging and highlights. */
  label: string;
  /**
   * Words like "phone", "email", "contact" ask for the shape of an answer, not a topic:
   * a passage with a phone number or email address satisfies them.
   */
  shape?: AnswerShape;
  /** Any one alternative present (all its terms) satisfies the concept; the first is the asker's own. */
  alternatives: string[][];
  /** How much the concept matters: rarer words weigh more; unknown words the most. */
  weight: number;
  /** The asker's word is one no document uses (weighed UNSEEN_WEIGHT): a sign the question may be about something else. */
  unseen?: true;
}

export interface WeightedTerm {
  term: string;
  boost: number;
}

export interface QueryPlan {
  terms: WeightedTerm[];
  concepts: Concept[];
  glossaryHits: GlossaryEntry[];
  /** Stemmed topic words in question order (for the phrase bonus). */
  sequence: string[];
}

interface Form {
  words: string[];
  matchCase: boolean;
}

/** Weight of a generic word in the confidence rule. */
const WEAK_WEIGHT = 0.5;
/** Weight of a word that appears in no document (and has no synonym that does). */
const UNSEEN_WEIGHT = 10;
/**
 * Weight of such a word when the question only describes with it or uses it in a phrasal verb
 * ("sound them out", "bump the level up", "redone"; see doingWords): the asker's phrasing, a weaker
 * sign of another topic than a thing or plain action no document names ("parking", "where can I
 * park"). From the fifty-second to fifty-fifth calibration batches' kinds.
 */
const UNSEEN_DOING_WEIGHT = 5;

const letters = (s: string) => s.replace(/[^A-Za-z]/g, '').length;

/** Shortest word a typo is looked for in, and the most edits allowed. */
const TYPO_MIN_LENGTH = 5;
/**
 * Only longer words are corrected: a short real word is often one edit from another
 * ("charge"/"change", "party"/"part"), a long one rarely is.
 */
const TYPO_MIN_WORD = 7;

const vocabularyCache = new WeakMap<KnowledgeBase, Map<string, string[]>>();

/** Corpus terms by first letter, for typo look-ups. */
function vocabulary(kb: KnowledgeBase): Map<string, string[]> {
  let byLetter = vocabularyCache.get(kb);
  if (!byLetter) {
    byLetter = new Map();
    for (const t of kb.df.keys()) {
      if (t.length < TYPO_MIN_LENGTH - 1 || !/^[a-z]+$/.test(t)) continue;
      const list = byLetter.get(t[0]!) ?? [];
      list.push(t);
      byLetter.set(t[0]!, list);
    }
    vocabularyCache.set(kb, byLetter);
  }
  return byLetter;
}

/**
 * A word no document uses, one edit from a word they do ("natinal", "refferal"): the likely
 * intended term, the most frequent candidate with the same first two letters. Undefined when
 * the word is short (short words collide by chance) or nothing is that close.
 */
export function correctTypo(kb: KnowledgeBase, term: string): string | undefined {
  if (term.length < TYPO_MIN_LENGTH || kb.df.has(term) || !/^[a-z]+$/.test(term)) return undefined;
  let best: string | undefined;
  for (const t of vocabulary(kb).get(term[0]!) ?? []) {
    if (t[1] !== term[1] || !oneEditApart(term, t)) continue;
    if (!best || (kb.df.get(t) ?? 0) > (kb.df.get(best) ?? 0)) best = t;
  }
  return best;
}

/**
 * Two neighbouring letters swapped ("saftey", "nubmer"): the word whose stem the corpus uses.
 * Checked on the word as typed, since a swap often lands in the part stemming changes
 * ("saftey" → "safety" → "safeti"). A swap rarely turns one real word into another, so
 * this also corrects words shorter than a general one-edit correction would touch.
 */
export function correctSwap(kb: KnowledgeBase, word: string): string | undefined {
  if (word.length < TYPO_MIN_LENGTH || !/^[a-z]+$/.test(word) || kb.df.has(stem(word))) return undefined;
  let best: string | undefined;
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    const t = stem(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    if (kb.df.has(t) && (!best || (kb.df.get(t) ?? 0) > (kb.df.get(best) ?? 0))) best = t;
  }
  return best;
}

/** A dropped letter is corrected on words of at least this many letters ("trainin", "safegarding"). */
const DROPPED_MIN = 4;
const surfaceCache = new WeakMap<KnowledgeBase, Map<string, string>>();

/** Each word the documents print, with one letter left out, and the word it came from (the commonest where several give the same). */
function droppedForms(kb: KnowledgeBase): Map<string, string> {
  let forms = surfaceCache.get(kb);
  if (!forms) {
    forms = new Map();
    const seen = new Set<string>();
    for (const p of kb.store.passages)
      for (const w of words(p.text)) {
        if (seen.has(w) || w.length <= DROPPED_MIN || !/^[a-z]+$/.test(w)) continue;
        seen.add(w);
        const t = stem(w);
        if (!kb.df.has(t)) continue;
        for (let i = 1; i < w.length; i++) {
          const short = w.slice(0, i) + w.slice(i + 1);
          const had = forms.get(short);
          if (!had || (kb.df.get(stem(had)) ?? 0) < (kb.df.get(t) ?? 0)) forms.set(short, w);
        }
      }
    surfaceCache.set(kb, forms);
  }
  return forms;
}

/**
 * A letter left out in fast typing ("trainin", "assesment"): the documents' word it comes
 * from, as a term. Checked on the word as typed (the first letter kept), only for a word whose stem
 * no document uses.
 */
export function correctDropped(kb: KnowledgeBase, word: string): string | undefined {
  if (word.length < DROPPED_MIN || !/^[a-z]+$/.test(word) || kb.df.has(stem(word))) return undefined;
  const full = droppedForms(kb).get(word);
  return full ? stem(full) : undefined;
}

function formsOf(entry: GlossaryEntry): Form[] {
  const caseSensitive = (s: string) => letters(s) <= 2 || (entry.matchCase === true && s === s.toUpperCase());
  return [entry.term, entry.expansion, ...entry.variants].map((f) => ({
    words: words(f, caseSensitive(f)),
    matchCase: caseSensitive(f),
  }));
}

interface SynonymMember {
  member: string;
  words: string[];
  terms: string[];
}
const synonymCache = new WeakMap<KnowledgeBase, SynonymMember[][]>();

function synonymGroups(kb: KnowledgeBase): SynonymMember[][] {
  let groups = synonymCache.get(kb);
  if (!groups) {
    groups = kb.store.synonyms.map((g) => g.map((m) => ({ member: m, words: words(m), terms: analyze(m) })));
    synonymCache.set(kb, groups);
  }
  return groups;
}

const formCache = new WeakMap<KnowledgeBase, { entry: GlossaryEntry; form: Form }[]>();

function glossaryForms(kb: KnowledgeBase): { entry: GlossaryEntry; form: Form }[] {
  let forms = formCache.get(kb);
  if (!forms) {
    forms = kb.store.glossary.flatMap((entry) => formsOf(entry).map((form) => ({ entry, form }))).sort((a, b) => b.form.words.length - a.form.words.length);
    formCache.set(kb, forms);
  }
  return forms;
}

/** Positions where `form` occurs in the question words. */
function findForm(form: Form, lower: string[], cased: string[]): number[] {
  const hay = form.matchCase ? cased : lower;
  const out: number[] = [];
  if (form.words.length === 0) return out;
  for (let i = 0; i + form.words.length <= hay.length; i++) {
    let ok = true;
    for (let j = 0; j < form.words.length && ok; j++) ok = hay[i + j] === form.words[j];
    if (ok) out.push(i);
  }
  return out;
}

function addTerm(terms: Map<string, number>, term: string, boost: number): void {
  if (!term) return;
  terms.set(term, Math.max(terms.get(term) ?? 0, boost));
}

/** Weight of a concept: the rarest of its single-term alternatives, or of the asker's own word. */
function conceptWeight(kb: KnowledgeBase, own: string[], alternatives: string[][]): number {
  // A word no document uses at all is a strong sign the question is about something else.
  if (own.length && own.every((t) => !kb.df.has(t)) && alternatives.every((a) => a.some((t) => !kb.df.has(t)))) return UNSEEN_WEIGHT;
  const altWeight = Math.max(0, ...alternatives.filter((a) => a.length === 1 && kb.df.has(a[0]!)).map((a) => idf(kb, a[0]!)));
  // An everyday word the documents never use ("mum") weighs what it stands for ("mother"), not the most.
  const ownSeen = own.filter((t) => kb.df.has(t));
  const ownWeight = ownSeen.length ? Math.max(...ownSeen.map((t) => idf(kb, t))) : own.length ? altWeight : 0;
  // A word the documents never use still counts (it pulls coverage down), an acronym the asker knows counts fully.
  return Math.max(0.5, Math.min(7, Math.max(ownWeight, own.length ? 0 : altWeight)));
}

/** A concept with its weight, marked unseen when the asker's word is one no document uses. */
function weighed(kb: KnowledgeBase, concept: Omit<Concept, 'weight'>, own: string[]): Concept {
  const weight = conceptWeight(kb, own, concept.alternatives);
  return weight >= UNSEEN_WEIGHT ? { ...concept, weight, unseen: true } : { ...concept, weight };
}

const weakCache = new WeakMap<KnowledgeBase, Set<string>>();

/** Weak words and their inflections ("keeps", "handling"): compared by stem. */
function weakStems(kb: KnowledgeBase): Set<string> {
  let set = weakCache.get(kb);
  if (!set) {
    set = new Set(kb.store.weakWords.flatMap((w) => [w.toLowerCase(), stem(w.toLowerCase())]));
    weakCache.set(kb, set);
  }
  return set;
}

/** What a question's words have become so far: terms to search, concepts to cover, words already read. */
interface PlanState {
  lower: string[];
  cased: string[];
  consumed: boolean[];
  terms: Map<string, number>;
  concepts: Concept[];
  glossaryHits: GlossaryEntry[];
  /** Words before this index tell the case, not the question (see askStart). */
  askAt: number;
  /** The question's describing and phrasal-verb words (see doingWords), tagged only when a word no document uses needs them. */
  doing: () => Set<string>;
}

type Groups = ReturnType<typeof synonymGroups>;

const taken = (st: PlanState, at: number, n: number) => st.consumed.slice(at, at + n).some(Boolean);
const take = (st: PlanState, at: number, n: number) => {
  for (let k = at; k < at + n; k++) st.consumed[k] = true;
};

/**
 * A long message that tells the case first and asks at the end ("first visit tmrw after a dv call out,
 * mum dad and 2 kids in the house. who should i speak to first"): the index of the first word of
 * the last clause that asks, when at least SITUATION_MIN words come before it; 0 otherwise. A clause
 * asks after a stop, a comma or a dash ("… she doesnt want the police involved - does this count as
 * dv", "…, is the phone call enough"); the dash was added for the forty-ninth calibration batch's kind.
 * A question word counts only with an auxiliary after it, so a told clause ("when I visited the
 * children were upset") is not taken for the question (found in review).
 */
/** Where a clause can start: the message's start, after a stop or a comma, or after a dash. */
const CLAUSE_BREAK = String.raw`(?:^|[.?!;:,]\s*|\s[-–—]+\s*)`;
const ASK_OPENING = new RegExp(
  [
    // after a clause break, or "and / but / so / or / just": an auxiliary, or a question word
    // that an auxiliary follows ("who do", "when should", "how long"; not "when I visited", "who drinks")
    String.raw`(?:${CLAUSE_BREAK}|\b(?:and|but|so|or|just)\s+)`,
    String.raw`(?=(?:do|does|can|could|should|shall|must|would|will|whos|whats|am|is there|are there|is it|is this|is that|are we|are they)\b`,
    String.raw`|(?:who|what|when|where|which|how|why)\s+(?:do|does|did|should|shall|can|could|would|will|must|is|are|was|were|am|to|much|many|long|often|soon|now|next|happens)\b)`,
    // "is the …" only after a stop, a comma or a dash (not "and is a risk to the kids")
    String.raw`|${CLAUSE_BREAK}(?=is (?:the|a|my|our|she|he|mum|dad)\b)`,
  ].join(''),
  'gi',
);
const SITUATION_MIN = 8;
/** How much a word in the told case counts, beside the same word in the asking clause. */
export const SITUATION_SHARE = 0.5;

export function askStart(topicText: string): number {
  // The first asking clause of the last sentence that asks ("who should i speak to first and do i see them together").
  let last = -1;
  // Not -1, which is where a message of one sentence starts (lastIndexOf finds no stop).
  let sentence = -2;
  for (const m of topicText.matchAll(ASK_OPENING)) {
    const at = m.index + m[0].length;
    const start = Math.max(topicText.lastIndexOf('.', at - 1), topicText.lastIndexOf('?', at - 1), topicText.lastIndexOf('!', at - 1));
    if (start !== sentence) {
      sentence = start;
      last = at;
    }
  }
  if (last <= 0) return 0;
  const before = words(topicText.slice(0, last)).length;
  return before >= SITUATION_MIN ? before : 0;
}

/**
 * How much a word no document uses counts when it is told in the case ("her 11 year old is
 * bilingual and keeps jumping in to translate"): a detail of the case, not a sign the question is off-topic.
 */
export const UNSEEN_TOLD_SHARE = 0.25;

/** A concept read at word `at`: told as part of the case, it weighs less. */
function placed(st: PlanState, c: Concept, at: number): Concept {
  if (at >= st.askAt || c.shape) return c;
  return { ...c, weight: c.weight * (c.unseen ? UNSEEN_TOLD_SHARE : SITUATION_SHARE) };
}

/** Glossary forms, longest first, so "Independent Domestic Violence Advisor" wins over "DV". */
function readGlossary(kb: KnowledgeBase, st: PlanState): void {
  for (const { entry, form } of glossaryForms(kb)) {
    for (const at of findForm(form, st.lower, st.cased)) {
      if (taken(st, at, form.words.length)) continue;
      take(st, at, form.words.length);
      if (!st.glossaryHits.includes(entry)) st.glossaryHits.push(entry);
      const own = analyze(form.words.join(' '));
      // The asker's own form first: a passage in their words counts in full, another form as a synonym.
      const alternatives = [own, ...[entry.term, entry.expansion, ...entry.variants].map((f) => analyze(f))]
        .filter((a) => a.length)
        .filter((a, i, all) => all.findIndex((b) => b.join(' ') === a.join(' ')) === i);
      st.concepts.push(placed(st, weighed(kb, { label: entry.term, alternatives }, []), at));
      for (const t of analyze(entry.term)) addTerm(st.terms, t, 1.5);
      for (const t of own) addTerm(st.terms, t, 1);
      for (const t of analyze(entry.expansion)) addTerm(st.terms, t, 0.6);
      for (const v of entry.variants) for (const t of analyze(v)) addTerm(st.terms, t, 0.5);
    }
  }
}

/** For each word, the length of the longest synonym phrase it sits in ("call-outs" is not "call"). */
function phraseLengths(groups: Groups, st: PlanState): number[] {
  const inPhrase = new Array<number>(st.lower.length).fill(0);
  for (const group of groups) {
    for (const m of group.filter((x) => x.words.length > 1)) {
      for (const at of findForm({ words: m.words, matchCase: false }, st.lower, st.cased)) {
        for (let k = at; k < at + m.words.length; k++) inPhrase[k] = Math.max(inPhrase[k]!, m.words.length);
      }
    }
  }
  return inPhrase;
}

/**
 * Contact-intent words: one shape concept, weighted like a mid-frequency word. A shape word is a
 * shape only when the question asks for that shape ("a phone referral" asks for no number).
 */
function readShapes(topicText: string, st: PlanState, inPhrase: number[]): void {
  const asked = classifyQuestion(topicText);
  const isAsked = { phone: asked.phone, email: asked.email, contact: asked.phone || asked.email, figure: asked.stats, time: asked.time };
  for (const sp of SHAPE_PHRASES) {
    if (!isAsked[sp.shape]) continue;
    for (const at of findForm({ words: sp.words, matchCase: false }, st.lower, st.cased)) {
      if (taken(st, at, sp.words.length)) continue;
      if (inPhrase.slice(at, at + sp.words.length).some((n) => n > sp.words.length)) continue;
      take(st, at, sp.words.length);
      for (const t of analyze(sp.words.join(' '))) addTerm(st.terms, t, 0.3);
      if (!st.concepts.some((c) => c.shape))
        st.concepts.push({ label: sp.words.join(' '), shape: sp.shape, alternatives: [analyze(sp.words.join(' '))], weight: 2 });
    }
  }
}

/** Synonym phrases ("out of hours"): each a concept with its group's other members as alternatives. */
function readSynonymPhrases(kb: KnowledgeBase, groups: Groups, st: PlanState): void {
  for (const group of groups) {
    for (const m of group.filter((x) => x.words.length > 1)) {
      for (const at of findForm({ words: m.words, matchCase: false }, st.lower, st.cased)) {
        if (taken(st, at, m.words.length)) continue;
        take(st, at, m.words.length);
        const alternatives = group.map((x) => x.terms).filter((a) => a.length);
        st.concepts.push(placed(st, weighed(kb, { label: m.member, alternatives }, m.terms), at));
        for (const t of m.terms) addTerm(st.terms, t, 1);
        for (const a of alternatives) for (const t of a) addTerm(st.terms, t, 0.4);
      }
    }
  }
}

/** One word not read yet: its synonyms, else a likely typo's fix, else the documents' nearest words. */
function readWord(kb: KnowledgeBase, groups: Groups, st: PlanState, w: string, s: string, neighbourMin: number, at: number): void {
  const alternatives: string[][] = [[s]];
  const weak = weakStems(kb).has(w) || weakStems(kb).has(s);
  for (const group of groups) {
    if (!group.some((x) => x.words.length === 1 && x.terms[0] === s)) continue;
    for (const x of group) {
      const a = x.terms;
      if (a.length && !alternatives.some((b) => b.join(' ') === a.join(' '))) alternatives.push(a);
      if (a.length === 1) addTerm(st.terms, a[0]!, 0.4);
    }
  }
  // A misspelt word searches for the word it was probably meant to be.
  const fixed =
    weak || alternatives.length > 1 ? undefined : (correctSwap(kb, w) ?? correctDropped(kb, w) ?? (w.length >= TYPO_MIN_WORD ? correctTypo(kb, s) : undefined));
  if (fixed) {
    alternatives.push([fixed]);
    addTerm(st.terms, fixed, 0.8);
    // A misspelt contact-intent word ("nubmer") asks for the shape of an answer, like the word itself.
    const shape = SHAPE_PHRASES.find((sp) => sp.words.length === 1 && stem(sp.words[0]!) === fixed)?.shape;
    if (shape) {
      if (!st.concepts.some((c) => c.shape)) st.concepts.push({ label: w, shape, alternatives, weight: 2 });
      return;
    }
  }
  // A word no document uses, with no synonym and no likely typo: the documents' nearest words in meaning.
  if (!fixed && !weak && alternatives.length === 1 && !kb.df.has(s)) {
    for (const n of wordNeighbours(kb, w, neighbourMin)) {
      alternatives.push([n.term]);
      addTerm(st.terms, n.term, 0.5 * n.similarity);
    }
  }
  addTerm(st.terms, s, 1);
  // A number no document prints (an age, a count in the asker's case: "her 22yo bf") is a detail, not a topic.
  const detail = /^\d+$/.test(s) && !kb.df.has(s);
  const read = weak || detail ? { label: w, alternatives, weight: WEAK_WEIGHT } : placed(st, weighed(kb, { label: w, alternatives }, [s]), at);
  const concept = 'unseen' in read && read.unseen && st.doing().has(w) ? { ...read, weight: Math.min(read.weight, UNSEEN_DOING_WEIGHT) } : read;
  const had = st.concepts.findIndex((c) => c.alternatives[0]!.length === 1 && c.alternatives[0]![0] === s);
  if (had < 0) st.concepts.push(concept);
  // The same word told in the case and asked about again counts as asked.
  else if (concept.weight > st.concepts[had]!.weight) st.concepts[had] = { ...st.concepts[had]!, weight: concept.weight };
}

/** A question's topic words → the weighted terms lunr searches and the concepts a passage should cover. */
export function expandQuery(kb: KnowledgeBase, topicText: string, authorityText: string, neighbourMin = NEIGHBOUR_MIN): QueryPlan {
  const lower = words(topicText);
  let doing: Set<string> | undefined;
  const st: PlanState = {
    lower,
    cased: words(topicText, true),
    consumed: new Array<boolean>(lower.length).fill(false),
    terms: new Map(),
    concepts: [],
    glossaryHits: [],
    askAt: askStart(topicText),
    doing: () => (doing ??= doingWords(topicText)),
  };
  const groups = synonymGroups(kb);
  readGlossary(kb, st);
  readShapes(topicText, st, phraseLengths(groups, st));
  readSynonymPhrases(kb, groups, st);

  const sequence: string[] = [];
  lower.forEach((w, i) => {
    if (isStopWord(w)) return;
    const s = stem(w);
    sequence.push(s);
    if (st.consumed[i] || (/^\d$/.test(w) === false && w.length < 2)) return;
    readWord(kb, groups, st, w, s, neighbourMin, i);
  });

  // Authority names help a little as words ("Wandsworth LINKs") but are not topic.
  for (const t of analyze(authorityText)) addTerm(st.terms, t, 0.3);
  return { terms: [...st.terms].map(([term, boost]) => ({ term, boost })), concepts: st.concepts, glossaryHits: st.glossaryHits, sequence };
}
