import type { QuestionKind } from './classify-question';
import type { QueryPlan } from './expand-query';
import { askedFacts, factSentences } from './find-fact';
import type { KnowledgeBase } from './load-knowledge';
import type { Scored } from './rank-passages';

/**
 * Whether to answer, from both signals. The evidence for answering is a weighted sum of what
 * the two rankings found: how much of the question the best passage covers (lexical), whether
 * it passes the lexical rule (most weighted concepts, clear score), how close in meaning the
 * nearest passage is, how much of the question is words no document uses, and, for a question
 * asking one fact, whether any top passage states a fact of that shape about the topic.
 * At or above `sure` the bot answers plainly; between `maybe` and `sure` it answers and says the
 * passages may not fit exactly; below `maybe` it declines and offers the nearest passages.
 * The weights are fitted on the dev sets and the two lines chosen on the calibration set by
 * `npm run tune` (scripts/tune-ranking.ts).
 */
export interface AnswerSignals {
  /** Largest share of the question's weighted concepts a top passage covers, 0–1. */
  coverage: number;
  /** A top passage covers most weighted concepts (`lexicalCoverage`) with a clear score (`lexicalScore`). */
  lexicalSure: boolean;
  /** Best cosine similarity of the question to a top passage's sentence or whole text; -1 without the meaning signal. */
  meaning: number;
  /** Share of the question's concept weight in words no document uses ("laptop", "parking"). */
  unseen: number;
  /** The question asks one fact (phone, email, timescale, figure) and no top passage states one about the topic. */
  factMissing: boolean;
}

export interface DecisionModel {
  lexicalCoverage: number;
  lexicalScore: number;
  bias: number;
  weights: { coverage: number; lexicalSure: number; meaning: number; unseen: number; factMissing: number; unseenMeaning: number };
  /** Evidence at which the answer is given plainly. */
  sure: number;
  /** Evidence below which the bot declines. */
  maybe: number;
}

export const DECISION: DecisionModel = {
  lexicalCoverage: 0.55,
  lexicalScore: 0.45,
  bias: -1.35,
  weights: { coverage: 2.13, lexicalSure: 0.74, meaning: 0.97, unseen: -3.11, factMissing: -3.3, unseenMeaning: -1.1 },
  sure: 1.4,
  maybe: -1.83,
};

/** How many of the top passages the signals look at. */
const SIGNAL_DEPTH = 3;

export function answerSignals(
  kb: KnowledgeBase,
  plan: QueryPlan,
  kind: QuestionKind,
  chosen: readonly Scored[],
  model: DecisionModel = DECISION,
): AnswerSignals {
  const top = chosen.slice(0, SIGNAL_DEPTH);
  const totalWeight = plan.concepts.reduce((s, c) => s + c.weight, 0);
  const unseenWeight = plan.concepts.filter((c) => c.unseen).reduce((s, c) => s + c.weight, 0);
  const facts = askedFacts(kind);
  return {
    coverage: Math.max(0, ...top.map((s) => s.coverage)),
    lexicalSure: top.some((s) => s.coverage >= model.lexicalCoverage && s.score >= model.lexicalScore),
    meaning: Math.max(-1, ...top.map((s) => s.meaning)),
    unseen: totalWeight > 0 ? unseenWeight / totalWeight : 0,
    factMissing: facts.length > 0 && !top.some((s) => factSentences(s.passage.display, kb.leafTitleTerms.get(s.passage.id)!, plan.concepts, facts).length > 0),
  };
}

/** Without the meaning signal (encoder not loaded yet) its terms count at a neutral similarity. */
const NEUTRAL_MEANING = 0.5;

/**
 * The signals as the model's inputs, in DecisionModel.weights order. `unseenMeaning` lets meaning
 * speak for words the documents never use ("can she take the dog to a refuge" is near "pets";
 * "staff parking" is near nothing).
 */
export function decisionFeatures(signals: AnswerSignals): DecisionModel['weights'] {
  const meaning = signals.meaning < 0 ? NEUTRAL_MEANING : signals.meaning;
  return {
    coverage: signals.coverage,
    lexicalSure: signals.lexicalSure ? 1 : 0,
    meaning,
    unseen: signals.unseen,
    factMissing: signals.factMissing ? 1 : 0,
    unseenMeaning: signals.unseen * meaning,
  };
}

/** The weighted evidence for answering. */
export function evidenceFor(signals: AnswerSignals, model: DecisionModel = DECISION): number {
  const x = decisionFeatures(signals);
  return model.bias + (Object.keys(model.weights) as (keyof DecisionModel['weights'])[]).reduce((s, k) => s + model.weights[k] * x[k], 0);
}

export type Confidence = { answer: true; sure: boolean } | { answer: false; reason: 'off-topic' | 'empty' };

export function decideConfidence(signals: AnswerSignals, model: DecisionModel = DECISION): Confidence {
  const evidence = evidenceFor(signals, model);
  if (evidence >= model.sure) return { answer: true, sure: true };
  if (evidence >= model.maybe) return { answer: true, sure: false };
  return { answer: false, reason: 'off-topic' };
}
