import { decideTriage } from './decide';
import { readIndicators } from './read-indicators';
import { applyCheckAnswers, withMustChecks, type CheckAnswers } from './answer-checks';
import { clearIndicatorFacts, setIndicatorFacts } from './indicator-facts';
import type { MeaningReading } from './read-meaning';
import type { IndicatorReading, TriageFacts, TriageKnowledge, TriageResult, ReadIndicator } from './types';

/** One triage: read a description (both readers' findings joined), apply the practitioner's corrections, decide. */
export interface TriageOverrides {
  /** Indicator ids the practitioner ticked that the text did not show. */
  add?: string[];
  /** Indicator ids the practitioner unticked. */
  remove?: string[];
  /** Facts the practitioner supplied (ages, DASH score, police notifications …). */
  facts?: Partial<TriageFacts>;
  /** Answers to the questions that change the pathway (check id → yes, no or unknown). */
  answers?: CheckAnswers;
}

export interface TriageRequest {
  authority: string;
  description: string;
  overrides?: TriageOverrides;
  /** What the meaning reader found in the description (from createTriager); patterns alone without it. */
  meaning?: MeaningReading;
}

export interface TriageOutcome extends TriageResult {
  /** What was read from the description, with the words that matched. */
  read: ReadIndicator[];
}

/** Both readers' findings joined, recall first: a meaning finding the patterns also made is theirs. */
export function readDescription(tk: TriageKnowledge, description: string, meaning?: MeaningReading): IndicatorReading {
  const reading = readIndicators(tk, description);
  const seen = new Set(reading.indicators.map((i) => i.id));
  const ruledOut = new Set(tk.indicators.filter((i) => seen.has(i.id)).flatMap((i) => i.excludes));
  const indicators = [
    ...reading.indicators.map((i) => ({ ...i, source: 'pattern' as const })),
    ...(meaning?.findings ?? []).filter((f) => !seen.has(f.id) && !ruledOut.has(f.id)),
  ];
  const facts: TriageFacts = { ...reading.facts, ...(meaning?.unexplained.length ? { unexplainedHarm: true } : {}) };
  return { indicators, facts: setIndicatorFacts(tk, new Set(indicators.map((i) => i.id)), facts) };
}

/** readDescription + decideTriage: the path the CLI and the bot share. */
export function triage(tk: TriageKnowledge, req: TriageRequest): TriageOutcome {
  const reading = readDescription(tk, req.description, req.meaning);
  const remove = new Set(req.overrides?.remove ?? []);
  const ids = new Set([...reading.indicators.map((i) => i.id), ...(req.overrides?.add ?? [])].filter((id) => !remove.has(id)));
  const facts: TriageFacts = { ...reading.facts, ...(req.overrides?.facts ?? {}) };
  clearIndicatorFacts(tk, remove, facts);
  // decideTriage keeps the facts consistent with the indicators the answers added.
  const mustCheck = applyCheckAnswers(tk, req.overrides?.answers ?? {}, ids, facts);
  const input = { authority: req.authority, indicatorIds: [...ids], facts };
  const result = withMustChecks(tk, input, decideTriage(tk, input), mustCheck);
  return { ...result, read: reading.indicators.filter((i) => ids.has(i.id)) };
}
