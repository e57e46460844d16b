import { decideTriage } from './decide';
import { clearIndicatorFacts } from './indicator-facts';
import type { CheckAnswer, PathwayCheck, TriageFacts, TriageInput, TriageKnowledge, TriageResult } from './types';

/**
 * The practitioner's answers to the questions that change the pathway (reading.yaml `checks`):
 * "yes" adds the check's indicators or sets its fact, "no" removes what the description was read
 * as, and "don't know" on a severe question becomes a must-check.
 */
export type CheckAnswers = Partial<Record<string, CheckAnswer>>;

/** Apply answers to the indicator ids and facts in place; returns the severe checks answered "don't know". */
export function applyCheckAnswers(tk: TriageKnowledge, answers: CheckAnswers, ids: Set<string>, facts: TriageFacts): PathwayCheck[] {
  const mustCheck: PathwayCheck[] = [];
  for (const check of tk.checks) {
    const answer = answers[check.id];
    if (answer === 'yes') {
      check.indicators.forEach((id) => ids.add(id));
      if (check.fact === 'unborn') facts.unborn = true;
    } else if (answer === 'no') {
      check.indicators.forEach((id) => ids.delete(id));
      if (check.fact === 'unborn') facts.unborn = false;
      clearIndicatorFacts(tk, check.indicators, facts);
    } else if (answer === 'unknown' && check.severe) mustCheck.push(check);
  }
  return mustCheck;
}

/** The result, with what each must-check would change it to if the answer were yes. */
export function withMustChecks(tk: TriageKnowledge, input: TriageInput, result: TriageResult, mustCheck: readonly PathwayCheck[]): TriageResult {
  if (mustCheck.length === 0) return result;
  return {
    ...result,
    mustCheck: mustCheck.map((check) => {
      const ids = new Set(input.indicatorIds);
      const facts = { ...input.facts, childAges: [...input.facts.childAges] };
      applyCheckAnswers(tk, { [check.id]: 'yes' }, ids, facts);
      const ifYes = decideTriage(tk, { ...input, indicatorIds: [...ids], facts });
      return { id: check.id, text: check.text, ifYes: { pathway: ifYes.pathway, level: ifYes.level } };
    }),
  };
}
