import { outOfScopeTopic } from '../text/out-of-scope';
import type { Passage } from '../types';
import { classifyQuestion, type QuestionKind } from './classify-question';
import { citePassage } from './cite-passage';
import { contactAnswers } from './contact-answers';
import { answerSignals, DECISION, decideConfidence, type AnswerSignals, type DecisionModel } from './decide-confidence';
import { expandQuery, type QueryPlan } from './expand-query';
import { askedFacts, factSentences } from './find-fact';
import { splitSentences } from '../text/sentences';
import { suggestFollowUps } from './follow-ups';
import { highlightSentences } from './highlight-sentences';
import type { KnowledgeBase } from './load-knowledge';
import { matchAuthorities, type NamedAuthorities } from './match-authorities';
import { FUSION, rankPassages, satisfied, type FusionWeights, type Scored } from './rank-passages';
import { ownerSimilarities } from '../meaning/meaning-table';
import type { AnswerOptions, AnswerResult, DeclineReason, RankedAnswer } from './types';
import { situationsIn, withSituations } from './situation-concepts';

export const MAX_RESULTS = 5;
/** How close the asker's own passage must score to the top one to move first. */
const OWN_FIRST_RATIO = 0.7;
/** How far down an own passage that covers more of the question than the top one is looked for, and the least it must cover. */
const OWN_FULLER_DEPTH = 8;
const OWN_FULLER_FLOOR = 0.35;
const MAX_QUESTION = 1000;

/** Questions arrive from chat: drop control characters and cap the length before anything reads them. */
export function sanitizeQuestion(question: unknown): string {
  return (
    String(question ?? '')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      .replace(/[\u0000-\u001F\u007F]+/g, ' ')
      .slice(0, MAX_QUESTION)
      .trim()
  );
}

export interface PreparedQuery {
  text: string;
  named: NamedAuthorities;
  plan: QueryPlan;
}

/** Split a question into the authorities it names and the topic it asks about. */
/** The question as searched and encoded: sanitised, with shorthand and contractions rewritten. */
export function normaliseQuestion(kb: KnowledgeBase, question: unknown): string {
  return kb.rewriteTyping(sanitizeQuestion(question));
}

export function prepareQuery(kb: KnowledgeBase, question: string): PreparedQuery {
  const text = normaliseQuestion(kb, question);
  const named = matchAuthorities(kb, text);
  let topic = '';
  let names = '';
  let at = 0;
  for (const [s, e] of [...named.spans].sort((a, b) => a[0] - b[0])) {
    if (s < at) continue;
    topic += `${text.slice(at, s)} | `;
    names += ` ${text.slice(s, e)}`;
    at = e;
  }
  topic += text.slice(at);
  // The situation is read from the words as typed: the triage patterns know how people write.
  return { text, named, plan: withSituations(kb, expandQuery(kb, topic, names), situationsIn(kb, sanitizeQuestion(question))) };
}

/** What kind of answer the question wants: its wording, plus the plan's answer-shape concepts (a misspelt "nubmer"). */
export function kindOf(text: string, plan: QueryPlan): QuestionKind {
  const shapes = new Set(plan.concepts.map((c) => c.shape));
  const asked = classifyQuestion(text);
  return { ...asked, phone: asked.phone || shapes.has('phone'), time: asked.time || shapes.has('time'), stats: asked.stats || shapes.has('figure') };
}

/**
 * The sentences to highlight: for a question asking one fact, the sentences that state it (the
 * number, the timescale); otherwise those that cover most of the question.
 */
function highlightsFor(kb: KnowledgeBase, passage: Passage, plan: QueryPlan, kind?: QuestionKind): string[] {
  if (kind) {
    const facts = factSentences(passage.display, kb.leafTitleTerms.get(passage.id) ?? new Set(), plan.concepts, askedFacts(kind));
    if (facts.length) {
      const sentences = splitSentences(passage.display);
      return facts.slice(0, 2).map((i) => sentences[i]!);
    }
  }
  return highlightSentences(passage.display, plan.concepts);
}

export function toRankedAnswer(kb: KnowledgeBase, scored: Scored, plan: QueryPlan, today: Date, kind?: QuestionKind): RankedAnswer {
  const { terms: _t, sectionTerms: _s, ...passage } = scored.passage;
  return {
    passage: passage as Passage,
    citation: citePassage(kb, passage, today),
    score: Math.round(scored.score * 1000) / 1000,
    highlights: highlightsFor(kb, passage as Passage, plan, kind),
  };
}

/** Tuning of ranking and the decision to answer (the defaults are the calibrated ones). */
export interface AnswerTuning {
  fusion: FusionWeights;
  decision: DecisionModel;
}
export const TUNING: AnswerTuning = { fusion: FUSION, decision: DECISION };

/** Similarity in meaning at which a passage addresses the question even without its words. */
export const RELEVANT_MEANING = 0.6;

/** Whether a passage addresses the question by either signal: most of its concepts, or close in meaning. */
function relevant(s: Scored, t: DecisionModel = DECISION): boolean {
  return s.coverage >= t.lexicalCoverage || s.meaning >= RELEVANT_MEANING;
}

function authoritiesOf(kb: KnowledgeBase, s: Scored): string[] {
  return kb.documents.get(s.passage.docId)?.authorities ?? [];
}

/** Best passage for each compared authority first (a shared document counts once), then the rest. */
function pickForComparison(kb: KnowledgeBase, ranked: Scored[], ids: string[]): Scored[] {
  const picked: Scored[] = [];
  const docs = new Set<string>();
  for (const id of ids) {
    // An authority whose documents do not really cover the topic gets no forced place.
    const best = ranked.find((s) => authoritiesOf(kb, s).includes(id) && !docs.has(s.passage.docId) && relevant(s));
    if (best) {
      picked.push(best);
      docs.add(best.passage.docId);
    }
  }
  for (const s of ranked) {
    if (picked.length >= MAX_RESULTS) break;
    if (!picked.includes(s) && authoritiesOf(kb, s).some((a) => ids.includes(a))) picked.push(s);
  }
  return picked.slice(0, MAX_RESULTS);
}

/**
 * A passage that does not cover the question never leads one that does: the authority boost
 * may lift the asker's passages, but must not put a non-answer on top of an answer.
 */
export function coveringFirst(ranked: Scored[], t: DecisionModel = DECISION): Scored[] {
  return [...ranked.filter((s) => relevant(s, t)), ...ranked.filter((s) => !relevant(s, t))];
}

/** How many passages of one section the first results may hold before other sections get a turn. */
const PER_SECTION = 2;

/**
 * At most PER_SECTION passages of one section before the others (the rest keep their order): the 14
 * flattened rows of one matrix table, each matching every word of "what is the matrix for", would
 * otherwise fill every place and push out the sentence that answers.
 */
export function fewPerSection(ranked: Scored[]): Scored[] {
  const seen = new Map<string, number>();
  const first: Scored[] = [];
  const later: Scored[] = [];
  for (const s of ranked) {
    const key = `${s.passage.docId} ${s.passage.section}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    (n < PER_SECTION ? first : later).push(s);
  }
  return [...first, ...later];
}

/**
 * The asker's own authority first: when another authority's passage is on top but the asker's
 * own document answers nearly as well, the own passage moves up (the rest keep their order).
 */
export function ownAuthorityFirst(kb: KnowledgeBase, ranked: Scored[], authority: string | undefined, plan?: QueryPlan): Scored[] {
  const top = ranked[0];
  if (!authority || !top || isAbout(kb, top, authority)) return ranked;
  const first = ranked.find((s) => isAbout(kb, s, authority));
  // Or, further down the first places, an own passage that covers more of the question than the top one.
  const fuller = mostCovering(
    ranked.slice(0, OWN_FULLER_DEPTH).filter((s) => isAbout(kb, s, authority) && s.coverage > top.coverage && s.coverage >= OWN_FULLER_FLOOR),
  );
  const own = first && relevant(first) && first.score >= top.score * OWN_FIRST_RATIO ? first : fuller;
  if (!own) return ranked;
  // Not when the question asks for a phone number, time or figure that the top passage states and the own one does not.
  if (
    plan &&
    plan.concepts.some(
      (c) =>
        c.shape &&
        satisfied(c, kb.termSets.get(top.passage.id)!, kb.shapes.get(top.passage.id)) === 1 &&
        satisfied(c, kb.termSets.get(own.passage.id)!, kb.shapes.get(own.passage.id)) < 1,
    )
  )
    return ranked;
  return [own, ...ranked.filter((s) => s !== own)];
}

/** A first place held on little more than a name, and how much more another of the first places must cover to take it. */
const NAME_ONLY_COVERAGE = 0.25;
const NAME_ONLY_DEPTH = 5;
const NAME_ONLY_MARGIN = 2;

/**
 * A passage that matches the question on a name alone ("CSN" in a section title) does not lead
 * one that covers much more of what is asked ("if we can't agree with CSN, what is the escalation
 * route" is answered by the protocol's "Resolving professional differences", not by what CSN does).
 */
export function nameOnlyLast(ranked: Scored[]): Scored[] {
  const top = ranked[0];
  if (!top || top.coverage >= NAME_ONLY_COVERAGE) return ranked;
  const fuller = mostCovering(
    ranked.slice(1, NAME_ONLY_DEPTH).filter((s) => s.coverage >= NAME_ONLY_MARGIN * top.coverage && s.coverage >= NAME_ONLY_COVERAGE),
  );
  return fuller ? [fuller, ...ranked.filter((s) => s !== fuller)] : ranked;
}

/** The candidate that covers most of the question (the first such on a tie), if any. */
function mostCovering(candidates: readonly Scored[]): Scored | undefined {
  return candidates.reduce<Scored | undefined>((best, s) => (!best || s.coverage > best.coverage ? s : best), undefined);
}

function coveredNames(kb: KnowledgeBase): string[] {
  return kb.coveredAuthorities.map((id) => kb.authorityNames.get(id) ?? id);
}

function fill(template: string, values: Record<string, string>): string {
  return template
    .replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m)
    .replace(/\s+/g, ' ')
    .trim();
}

function listJoin(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const TEMPLATES: Record<DeclineReason, keyof KnowledgeBase['store']['messages']> = {
  'off-topic': 'declineOffTopic',
  'uncovered-authority': 'declineUncovered',
  empty: 'declineEmpty',
  'out-of-scope': 'declineOutOfScope',
};

/** `about`: the uncovered authority's name, or where an out-of-scope question belongs. */
function decline(kb: KnowledgeBase, reason: DeclineReason, base: Omit<AnswerResult, 'answered' | 'results' | 'followUps'>, about?: string): AnswerResult {
  const m = kb.store.messages;
  const covers = coveredNames(kb);
  const values = { covers: listJoin(covers), topics: listJoin(m.topics), helpline: m.helpline, authority: about ?? '', pointTo: about ?? '' };
  const template = m[TEMPLATES[reason]] as string;
  const named = about ? (reason === 'out-of-scope' ? { pointTo: about } : { authorityName: about }) : {};
  return {
    ...base,
    answered: false,
    results: [],
    followUps: [],
    decline: { reason, message: fill(template, values), covers, ...named },
  };
}

/** Answer a policy question with cited passages, or decline when the documents do not cover it. */
/** Each passage's similarity in meaning to the question, when the question was encoded. */
export function meaningOf(kb: KnowledgeBase, queryVector: Float32Array | undefined): Float32Array | undefined {
  return queryVector && queryVector.length === kb.meaning.dimensions ? ownerSimilarities(kb.meaning, queryVector) : undefined;
}

type Base = Omit<AnswerResult, 'answered' | 'results' | 'followUps'>;

/** A question read and ranked, or the decline it gets before any ranking. */
type Ranking =
  | { early: AnswerResult }
  | ({
      early?: undefined;
      base: Base;
      plan: QueryPlan;
      kind: QuestionKind;
      comparing: boolean;
    } & Ordered);

/** A question read and its candidates scored, before they are put in order. */
export interface ReadQuestion {
  base: Base;
  plan: QueryPlan;
  kind: QuestionKind;
  named: NamedAuthorities;
  profile?: string;
  comparing: string[];
  scored: Scored[];
}

/** Read a question and score its candidate passages, or the decline it gets before any ranking. */
export function readQuestion(kb: KnowledgeBase, question: string, opts: AnswerOptions, tuning: AnswerTuning = TUNING): { early: AnswerResult } | ReadQuestion {
  const { named, plan, text } = prepareQuery(kb, question);
  const profile = opts.authority && kb.coveredAuthorities.includes(opts.authority) ? opts.authority : undefined;
  const authority = named.covered[0] ?? profile;

  let comparing: string[] = [];
  if (named.comparing) {
    const ids = named.acrossAll ? [...kb.coveredAuthorities] : [...named.covered];
    if (!named.acrossAll && ids.length === 1 && profile && profile !== ids[0]) ids.unshift(profile);
    if (ids.length >= 2) comparing = ids;
  }

  const glossary = plan.glossaryHits.map((e) => ({ term: e.term, expansion: e.expansion, explanation: e.explanation }));
  const base: Base = {
    ...(authority ? { authority } : {}),
    comparing,
    ...(glossary.length ? { glossary } : {}),
  };

  if (named.uncovered.length > 0 && (named.covered.length === 0 || named.uncoveredAsked) && !named.acrossAll) {
    return { early: decline(kb, 'uncovered-authority', base, named.uncoveredAsked ?? named.uncovered[0]) };
  }
  const staffAdmin = opts.outOfScopeCheck === false ? undefined : outOfScopeTopic(kb.store.outOfScope ?? [], question);
  if (staffAdmin) return { early: decline(kb, 'out-of-scope', base, staffAdmin.pointTo) };
  const meaning = meaningOf(kb, opts.queryVector);
  if (!text || (plan.concepts.length === 0 && !meaning)) return { early: decline(kb, 'empty', base) };

  const kind = kindOf(text, plan);
  // Answers come from the local documents. The project's national summary (written so that triage
  // rules can cite the law the documents assume) never answers on its own: a statutory timescale or
  // SafeLives figure the documents do not state is declined, with the summary among the nearest.
  const scored = rankPassages(kb, plan, kind, { prefer: comparing.length ? undefined : authority, named: named.covered.length > 0 }, meaning, tuning.fusion);
  return { base, plan, kind, named, ...(profile ? { profile } : {}), comparing, scored };
}

/** Put a read question's scored candidates in the order they are shown (`scored` sorted best first). */
export function orderQuestion(kb: KnowledgeBase, read: ReadQuestion, scored: Scored[], decision: DecisionModel = DECISION): Ordered {
  const { named, comparing, plan, profile } = read;
  // A question that names one authority is about it: another authority's covering passage does not jump its own.
  const asked = !comparing.length && named.covered.length ? named.covered[0] : undefined;
  const all = asked
    ? [
        ...coveringFirst(
          scored.filter((s) => isAbout(kb, s, asked)),
          decision,
        ),
        ...coveringFirst(
          scored.filter((s) => !isAbout(kb, s, asked)),
          decision,
        ),
      ]
    : coveringFirst(scored, decision);
  const ranked = all.filter((s) => !isNational(kb, s));
  const national = all.find((s) => isNational(kb, s));
  const ordered = nameOnlyLast(comparing.length || named.covered.length ? ranked : ownAuthorityFirst(kb, ranked, profile, plan));
  const chosen = comparing.length ? pickForComparison(kb, ordered, comparing) : ordered.slice(0, MAX_RESULTS);
  // What is shown: the same, with no section filling every place (the decision reads `chosen`).
  const shown = comparing.length ? chosen : fewPerSection(ordered).slice(0, MAX_RESULTS);
  return { ranked, chosen, shown, ...(national ? { national } : {}) };
}

/** A read question's passages in order: all ranked, the ones the decision reads, the ones shown, and the national summary's best. */
export interface Ordered {
  ranked: Scored[];
  chosen: Scored[];
  shown: Scored[];
  national?: Scored;
}

function rankQuestion(kb: KnowledgeBase, question: string, opts: AnswerOptions, tuning: AnswerTuning): Ranking {
  const read = readQuestion(kb, question, opts, tuning);
  if ('early' in read) return read;
  const ordered = orderQuestion(kb, read, read.scored, tuning.decision);
  return { base: read.base, plan: read.plan, kind: read.kind, ...ordered, comparing: read.comparing.length > 0 };
}

function isAbout(kb: KnowledgeBase, s: Scored, authority: string): boolean {
  return authoritiesOf(kb, s).includes(authority);
}

function isNational(kb: KnowledgeBase, s: Scored): boolean {
  return kb.documents.get(s.passage.docId)?.national === true;
}

/** The signals the decision to answer is made from (undefined when the question is declined before ranking). */
export function questionSignals(kb: KnowledgeBase, question: string, opts: AnswerOptions = {}, tuning: AnswerTuning = TUNING): AnswerSignals | undefined {
  const r = rankQuestion(kb, question, opts, tuning);
  return r.early ? undefined : answerSignals(kb, r.plan, r.kind, r.chosen, tuning.decision);
}

/** Answer a policy question with cited passages, or decline when neither signal finds anything relevant. */
export function answerQuestion(kb: KnowledgeBase, question: string, opts: AnswerOptions = {}, tuning: AnswerTuning = TUNING): AnswerResult {
  const today = opts.today ?? new Date();
  const r = rankQuestion(kb, question, opts, tuning);
  if (r.early) return r.early;
  const { base, plan, kind, ranked, chosen, shown } = r;
  const contacts = r.comparing ? [] : contactAnswers(kb, plan.concepts, kind, base.authority);
  const signals = answerSignals(kb, plan, kind, chosen, tuning.decision);
  // The authority's own contact data states the asked-for number or address.
  if (contacts.length) signals.factMissing = false;
  const confidence = decideConfidence(signals, tuning.decision);
  if (!confidence.answer) {
    // The national summary leads the nearest passages when it would have answered by itself.
    const national = r.national && decideConfidence(answerSignals(kb, plan, kind, [r.national], tuning.decision), tuning.decision).answer ? [r.national] : [];
    const nearest = [...national, ...shown].slice(0, 3).map((s) => toRankedAnswer(kb, s, plan, today));
    return { ...decline(kb, confidence.reason, base), nearest };
  }
  return {
    ...base,
    answered: true,
    ...(contacts.length ? { contacts } : {}),
    ...(confidence.sure ? {} : { tentative: true }),
    results: shown.map((s) => toRankedAnswer(kb, s, plan, today, kind)),
    followUps: suggestFollowUps(kb, ranked, plan.glossaryHits),
  };
}
