/**
 * Triage engine: a described concern -> indicators -> pathway, level, referrals, contacts and
 * next steps, every one with its citation. Pure functions over the compiled knowledge
 * (build/knowledge/triage.json); no Bot Framework imports.
 */
import { decideTriage, missingFactQuestions } from './decide';
import { readIndicators } from './read-indicators';
import { INDICATOR_GROUPS, type IndicatorGroup, type TriageFacts, type TriageKnowledge, type TriageResult, type ReadIndicator } from './types';

export { loadTriageKnowledge } from './load';
export { readIndicators } from './read-indicators';
export { decideTriage, missingFactQuestions, comparePathways, PATHWAY_ORDER } from './decide';
export { buildTriageKnowledge, compileTriageKnowledge, TRIAGE_FILE } from './build';
export * from './types';

export interface TriageOverrides {
  /** Indicator ids the practitioner ticked that the text did not show. */
  add?: string[];
  /** Indicator ids the practitioner unticked. */
  remove?: string[];
  /** Facts the practitioner supplied (ages, DASH score, police notifications …). */
  facts?: Partial<TriageFacts>;
}

export interface TriageRequest {
  authority: string;
  description: string;
  overrides?: TriageOverrides;
}

export interface TriageOutcome extends TriageResult {
  /** What was read from the description, with the words that matched. */
  read: ReadIndicator[];
}

/** readIndicators + decideTriage: the path the CLI and the bot share. */
export function triage(tk: TriageKnowledge, req: TriageRequest): TriageOutcome {
  const reading = readIndicators(tk, req.description);
  const remove = new Set(req.overrides?.remove ?? []);
  const ids = [...new Set([...reading.indicators.map((i) => i.id), ...(req.overrides?.add ?? [])])].filter((id) => !remove.has(id));
  const facts: TriageFacts = { ...reading.facts, ...(req.overrides?.facts ?? {}) };
  if (remove.has('immediate-danger')) facts.immediateDanger = false;
  if (remove.has('position-of-trust')) delete facts.positionOfTrust;
  const result = decideTriage(tk, { authority: req.authority, indicatorIds: ids, facts });
  return { ...result, read: reading.indicators.filter((i) => !remove.has(i.id)) };
}

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
