import type { Condition, FactCondition, FactName, Level, Pathway, TriageFacts } from './types';

/** What a condition is evaluated against. */
export interface ConditionContext {
  present: ReadonlySet<string>;
  /** Tag -> indicator ids carrying it. */
  tagged: ReadonlyMap<string, ReadonlySet<string>>;
  facts: TriageFacts;
  level?: Level | null;
  pathway?: Pathway;
}

/** Facts named anywhere in a condition (to keep rules that set a level off the decided level). */
export function conditionFacts(c: Condition, out = new Set<FactName>()): Set<FactName> {
  if (typeof c === 'string' || 'indicator' in c || 'tag' in c || 'always' in c) return out;
  if ('any' in c) c.any.forEach((x) => conditionFacts(x, out));
  else if ('all' in c) c.all.forEach((x) => conditionFacts(x, out));
  else if ('not' in c) conditionFacts(c.not, out);
  else out.add(c.fact);
  return out;
}

/** Indicator ids a condition names, that are present (what made it fire, for "why"). */
export function conditionIndicators(c: Condition, ctx: ConditionContext, out = new Set<string>()): Set<string> {
  if (typeof c === 'string' || 'indicator' in c) {
    const id = typeof c === 'string' ? c : c.indicator;
    if (ctx.present.has(id)) out.add(id);
  } else if ('tag' in c) {
    for (const id of ctx.tagged.get(c.tag) ?? []) if (ctx.present.has(id)) out.add(id);
  } else if ('any' in c) c.any.forEach((x) => conditionIndicators(x, ctx, out));
  else if ('all' in c) c.all.forEach((x) => conditionIndicators(x, ctx, out));
  return out;
}

function factValue(name: FactName, ctx: ConditionContext): number | string | boolean | undefined {
  const f = ctx.facts;
  switch (name) {
    case 'dashScore':
      return f.dashScore;
    case 'policeNotifications':
      return f.policeNotifications;
    case 'youngestChildAge':
      return f.childAges.length ? Math.min(...f.childAges) : undefined;
    case 'childCount':
      return f.childAges.length || undefined;
    case 'childAgesKnown':
      return f.childAges.length > 0;
    case 'immediateDanger':
      return f.immediateDanger;
    case 'unborn':
      return f.unborn;
    case 'noChildren':
      return f.noChildren;
    case 'specialNeeds':
      return f.specialNeeds;
    case 'positionOfTrust':
      return f.positionOfTrust || undefined;
    case 'unexplainedHarm':
      return f.unexplainedHarm;
    case 'level':
      return ctx.level ?? undefined;
    case 'pathway':
      return ctx.pathway;
  }
}

function compareFact(c: FactCondition, ctx: ConditionContext): boolean {
  const v = factValue(c.fact, ctx);
  if (c.present !== undefined && (v !== undefined) !== c.present) return false;
  // An unknown yes/no fact counts as "no"; an unknown number fails every comparison.
  if (c.is !== undefined && (v === true) !== c.is) return false;
  if (c.eq !== undefined && v !== c.eq) return false;
  if (c.in !== undefined && (v === undefined || typeof v === 'boolean' || !c.in.includes(v))) return false;
  const n = typeof v === 'number' ? v : undefined;
  if (c.gte !== undefined && !(n !== undefined && n >= c.gte)) return false;
  if (c.gt !== undefined && !(n !== undefined && n > c.gt)) return false;
  if (c.lte !== undefined && !(n !== undefined && n <= c.lte)) return false;
  if (c.lt !== undefined && !(n !== undefined && n < c.lt)) return false;
  return true;
}

export function evaluateCondition(c: Condition, ctx: ConditionContext): boolean {
  if (typeof c === 'string') return ctx.present.has(c);
  if ('indicator' in c) return ctx.present.has(c.indicator);
  if ('tag' in c) return [...(ctx.tagged.get(c.tag) ?? [])].some((id) => ctx.present.has(id));
  if ('always' in c) return true;
  if ('any' in c) return c.any.some((x) => evaluateCondition(x, ctx));
  if ('all' in c) return c.all.every((x) => evaluateCondition(x, ctx));
  if ('not' in c) return !evaluateCondition(c.not, ctx);
  return compareFact(c, ctx);
}
