import type { CompiledIndicator, IndicatorFact, TriageFacts } from './types';

/** The tag of indicators that can only describe a child at the incident (a child hiding, distressed, stepping in, in the room). */
const CHILD_PRESENT = 'child-present';

/** What a role is called when the description names none ("a teacher", "a youth worker" …). */
export const DEFAULT_TRUSTED_ROLE = 'works with children';

type WithIndicators = { readonly indicators: readonly CompiledIndicator[] };

/** The id of the indicator the data marks as standing for a fact (`fact:` in the indicator files). */
export function factIndicator(tk: WithIndicators, fact: IndicatorFact): string | undefined {
  return tk.indicators.find((i) => i.fact === fact)?.id;
}

/** Whether the indicator that stands for a fact is among the ids. */
export function hasFactIndicator(tk: WithIndicators, ids: ReadonlySet<string>, fact: IndicatorFact): boolean {
  const id = factIndicator(tk, fact);
  return id !== undefined && ids.has(id);
}

/**
 * The facts, kept consistent with the present indicators that stand for facts (in place): danger
 * now, special needs and pregnancy set theirs; a position of trust keeps a named role or says
 * "works with children"; "no children" holds only while no child or unborn baby is known.
 */
export function setIndicatorFacts(tk: WithIndicators, ids: ReadonlySet<string>, facts: TriageFacts): TriageFacts {
  const has = (fact: IndicatorFact) => hasFactIndicator(tk, ids, fact);
  if (has('immediateDanger')) facts.immediateDanger = true;
  if (has('specialNeeds')) facts.specialNeeds = true;
  if (has('unborn')) facts.unborn = true;
  if (has('positionOfTrust') && !facts.positionOfTrust) facts.positionOfTrust = DEFAULT_TRUSTED_ROLE;
  if (has('noChildren') && facts.childAges.length === 0 && !facts.unborn) facts.noChildren = true;
  // A known child or unborn baby, or a child read at the incident (an indicator tagged child-present:
  // a child hiding, distressed, stepping in, in the room), outweighs "no children" however it was read: err toward the child.
  if (facts.noChildren && (facts.unborn || facts.childAges.length > 0 || readsAChild(tk, ids))) delete facts.noChildren;
  return facts;
}

/** Whether an indicator the data tags `child-present` (a child at the incident) is present. */
function readsAChild(tk: WithIndicators, ids: ReadonlySet<string>): boolean {
  return tk.indicators.some((i) => i.tags.includes(CHILD_PRESENT) && ids.has(i.id));
}

/**
 * The practitioner removed these indicators (or answered "no"): the facts they stood for are
 * cleared (in place). An unborn baby stays: the ages may say so too, and keeping it errs toward the child.
 */
export function clearIndicatorFacts(tk: WithIndicators, removed: Iterable<string>, facts: TriageFacts): TriageFacts {
  const gone = new Set(removed);
  for (const ind of tk.indicators) {
    if (!ind.fact || ind.fact === 'unborn' || !gone.has(ind.id)) continue;
    if (ind.fact === 'immediateDanger') facts.immediateDanger = false;
    else delete facts[ind.fact];
  }
  return facts;
}
