import type { CompiledRule, FiredRule } from './types';

/** The rules that have fired while deciding one case: each id once, in the order they fired. */
export interface RuleLog {
  ids: Set<string>;
  fired: FiredRule[];
}

/** An empty log, for a new case. */
export function newRuleLog(): RuleLog {
  return { ids: new Set(), fired: [] };
}

/** Record that a rule fired (a rule already recorded is not recorded again). */
export function fireRule(log: RuleLog, r: CompiledRule): void {
  if (log.ids.has(r.id)) return;
  log.ids.add(r.id);
  log.fired.push({ id: r.id, description: r.description, level: r.level ?? null, citation: r.citations[0]!, citations: r.citations });
}

/** The fired rules in rule order (national first, then the authority's own). */
export function firedInRuleOrder(rules: readonly CompiledRule[], log: RuleLog): CompiledRule[] {
  return rules.filter((r) => log.ids.has(r.id));
}
