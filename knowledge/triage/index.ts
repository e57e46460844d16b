/**
 * Triage engine: a described concern -> indicators -> pathway, level, referrals, contacts and
 * next steps, every one with its citation. Pure functions over the compiled knowledge
 * (build/knowledge/triage.json); no Bot Framework imports.
 */
import { missingFactQuestions } from './decide';
import { INDICATOR_GROUPS, type IndicatorGroup, type TriageFacts, type TriageKnowledge } from './types';

export { loadTriageKnowledge } from './load';
export { readIndicators } from './read-indicators';
export { clausesOf, meaningClauses, readMeaning, MEANING_READING, type MeaningReading, type MeaningThresholds } from './read-meaning';
export { createTriager, loadIndicatorMeaning, type Triager } from './triager';
export { applyCheckAnswers, withMustChecks, type CheckAnswers } from './answer-checks';
export { factIndicator, hasFactIndicator, setIndicatorFacts, clearIndicatorFacts, DEFAULT_TRUSTED_ROLE } from './indicator-facts';
export { decideTriage, missingFactQuestions, comparePathways, PATHWAY_ORDER } from './decide';
export { specialistRole } from './next-actions';
export { readDescription, triage, type TriageOutcome, type TriageOverrides, type TriageRequest } from './run-triage';
export { buildTriageKnowledge, compileTriageKnowledge, TRIAGE_FILE } from './build';
export * from './types';

export interface IndicatorGroupView {
  group: IndicatorGroup;
  title: string;
  indicators: { id: string; label: string; help?: string }[];
}

const GROUP_TITLES: Record<IndicatorGroup, string> = {
  'incident-violence': 'Incident and violence',
  child: 'The child',
  'adult-victim': 'The adult victim',
  'person-causing-harm': 'The person causing harm',
  context: 'Context (pregnancy, immigration and NRPF, culture and language, police involvement)',
};

/** All indicator definitions, grouped, for the confirmation card. */
export function indicatorGroups(tk: TriageKnowledge): IndicatorGroupView[] {
  return INDICATOR_GROUPS.map((group) => ({
    group,
    title: GROUP_TITLES[group],
    indicators: tk.indicators.filter((i) => i.group === group).map((i) => ({ id: i.id, label: i.label, ...(i.help ? { help: i.help } : {}) })),
  }));
}

/** The questions the confirmation card asks when the description did not say. */
export function missingFacts(tk: TriageKnowledge, facts: TriageFacts) {
  return missingFactQuestions(tk, facts);
}
