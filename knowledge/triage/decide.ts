import { dedupeCitations } from './citations';
import { setIndicatorFacts } from './indicator-facts';
import { evaluateCondition, type ConditionContext } from './conditions';
import { fireRule, firedInRuleOrder, newRuleLog, type RuleLog } from './fired-rules';
import { contributionReasons, decideLevel, gradingDifferences, matrixContributions, ruleContributions } from './grade-level';
import { matchingServices, mergeReferrals, nextSteps, triageContacts } from './next-actions';
import {
  PATHWAYS,
  type CompiledAuthority,
  type CompiledIndicator,
  type CompiledRoute,
  type CompiledRule,
  type Level,
  type MatrixScale,
  type MissingFactQuestion,
  type Pathway,
  type TriageCitation,
  type TriageContact,
  type TriageInput,
  type TriageKnowledge,
  type TriageReason,
  type TriageReferral,
  type TriageResult,
  type TriageService,
  type TriageStep,
} from './types';

/** Lowest to highest urgency, for "never lower" comparisons. adult-services sits apart. */
export const PATHWAY_ORDER: Record<Pathway, number> = {
  'adult-services': 0,
  'early-help': 1,
  'child-in-need': 2,
  'child-protection': 3,
  emergency: 4,
};

/** How the pathway reads in the result. */
function pathwayLabel(p: Pathway): string {
  return {
    emergency: 'emergency (danger now: 999 first)',
    'child-protection': 'child protection (s47 enquiry, strategy meeting)',
    'child-in-need': 'child in need (s17 assessment)',
    'early-help': 'early help',
    'adult-services': 'adult routes (no child in the household)',
  }[p];
}

/** The rules that apply to an authority: national first, then the authority's own. */
function rulesFor(tk: TriageKnowledge, authority: string): CompiledRule[] {
  return [...tk.national.rules, ...(tk.authorities[authority]?.rules ?? [])];
}

/** Questions the rules would use that the facts do not answer yet. */
export function missingFactQuestions(tk: TriageKnowledge, facts: TriageInput['facts']): MissingFactQuestion[] {
  return tk.questions.filter((q) => {
    switch (q.fact) {
      case 'childAges':
        return facts.childAges.length === 0 && !facts.noChildren;
      case 'dashScore':
        return facts.dashScore === undefined;
      case 'policeNotifications':
        return facts.policeNotifications === undefined;
      case 'positionOfTrust':
        return !facts.positionOfTrust;
      case 'specialNeeds':
        return facts.specialNeeds === undefined && !facts.noChildren;
      default:
        return true;
    }
  });
}

/** The authority the input names; an unknown one is an error that lists the known ones. */
function authorityFor(tk: TriageKnowledge, id: string): CompiledAuthority {
  const authority = tk.authorities[id];
  if (!authority) throw new Error(`unknown authority "${id}" (known: ${Object.keys(tk.authorities).join(', ')})`);
  return authority;
}

/** Indicator ids by tag, for conditions such as `{ tag: crime }`. */
function indicatorsByTag(tk: TriageKnowledge): Map<string, Set<string>> {
  const tagged = new Map<string, Set<string>>();
  for (const i of tk.indicators) for (const t of i.tags) tagged.set(t, (tagged.get(t) ?? new Set()).add(i.id));
  return tagged;
}

/** Step 3: danger now first, then no child in the household, then the matrix scale's pathway (sets ctx.level and ctx.pathway). */
function decidePathway(
  tk: TriageKnowledge,
  rules: readonly CompiledRule[],
  ctx: ConditionContext,
  decided: Level | null,
  log: RuleLog,
): { pathway: Pathway; level: Level | null; scale: MatrixScale } {
  let pathway: Pathway | undefined;
  for (const want of ['emergency', 'adult-services'] as const) {
    const r = rules.find((x) => x.pathway === want && evaluateCondition(x.when, ctx));
    if (r) {
      fireRule(log, r);
      pathway ??= want;
    }
  }
  const scale = tk.matrix.scales.find((s) => s.scale === (decided ?? 1))!;
  pathway ??= scale.pathway;
  const level = pathway === 'adult-services' ? null : decided;
  ctx.level = level;
  ctx.pathway = pathway;
  return { pathway, level, scale };
}

/** Step 4: fire every rule that sets neither a level nor a pathway, now that both are known. */
function fireOtherRules(rules: readonly CompiledRule[], ctx: ConditionContext, log: RuleLog): void {
  for (const r of rules) if (r.level === undefined && r.pathway === undefined && evaluateCondition(r.when, ctx)) fireRule(log, r);
}

/** A reason for each fired rule that set no level, in rule order. */
function ruleReasons(firedList: readonly CompiledRule[]): TriageReason[] {
  return firedList.filter((r) => r.level === undefined).map((r) => ({ kind: 'rule', text: r.description, citations: r.citations }));
}

/** The first reason: the pathway, its scale, the route's summary and the matrix note, citing the scale and route. */
function pathwayReason(tk: TriageKnowledge, pathway: Pathway, level: Level | null, scale: MatrixScale, route: CompiledRoute | undefined): TriageReason {
  const fromMatrix = pathway !== 'adult-services' && pathway !== 'emergency';
  return {
    kind: 'pathway',
    text: `Pathway: ${pathwayLabel(pathway)}${level ? `, Barnardo's matrix scale ${level}` : ''}.${route ? ` ${route.summary}` : ''}${fromMatrix ? ` ${tk.matrix.note}` : ''}`,
    citations: dedupeCitations([...(fromMatrix ? scale.citations : []), ...(route?.citations ?? [])]),
  };
}

/** The matrix's protective factors that name a present indicator: noted, never lowering the level. */
function protectiveReasons(tk: TriageKnowledge, present: ReadonlySet<string>): TriageReason[] {
  const reasons: TriageReason[] = [];
  for (const s of tk.matrix.scales)
    for (const p of s.protectiveFactors)
      if (p.indicators.some((id) => present.has(id)))
        reasons.push({ kind: 'protective', text: `Protective factor noted (it does not lower the level): ${p.text}`, citations: p.citations });
  return reasons;
}

/**
 * The present indicators, each listed once: one that a more specific present one includes is not
 * listed again (a strangulation case shows strangulation, not "physical violence (hitting, slapping …)").
 */
function listedIndicators(present: ReadonlySet<string>, byId: ReadonlyMap<string, CompiledIndicator>): TriageResult['indicators'] {
  return [...present]
    .filter((id) => ![...present].some((other) => byId.get(other)!.implies.includes(id)))
    .map((id) => {
      const i = byId.get(id)!;
      return { id, label: i.label, group: i.group, ...(i.scale ? { scale: i.scale } : {}) };
    });
}

/** Every citation of the result, once: reasons, referrals, contacts, next steps, services. */
function resultCitations(
  reasons: readonly TriageReason[],
  referrals: readonly TriageReferral[],
  contacts: readonly TriageContact[],
  steps: readonly TriageStep[],
  services: readonly TriageService[],
): TriageCitation[] {
  return dedupeCitations([
    ...reasons.flatMap((r) => r.citations),
    ...referrals.flatMap((r) => r.citations),
    ...contacts.flatMap((c) => c.citations),
    ...steps.map((s) => s.citation),
    ...services.map((s) => s.citation),
  ]);
}

/**
 * Decide pathway, level, referrals, contacts and next steps from confirmed indicators and
 * facts. Highest level wins; immediate danger is an emergency; when in doubt, one level up.
 */
export function decideTriage(tk: TriageKnowledge, input: TriageInput): TriageResult {
  const authority = authorityFor(tk, input.authority);
  const byId = new Map(tk.indicators.map((i) => [i.id, i]));
  const present = new Set(input.indicatorIds.filter((id) => byId.has(id)));
  // A copy of the facts, kept consistent with the present indicators that stand for facts.
  const facts = setIndicatorFacts(tk, present, { ...input.facts, childAges: [...input.facts.childAges] });
  const ctx: ConditionContext = { present, tagged: indicatorsByTag(tk), facts };
  const rules = rulesFor(tk, authority.id);
  const log = newRuleLog();

  // 1. Every grading: matrix items for present indicators, and rules that set a level.
  const contributions = [...matrixContributions(tk, present), ...ruleContributions(tk, rules, ctx, log)];
  const grading = gradingDifferences(present, byId, contributions);
  // 2. Highest level wins; then the age / special needs uplift; then "when in doubt, go up".
  const decided = decideLevel(tk, ctx, contributions);
  // 3. Pathway: danger now first, then no child in the household, then the matrix scale.
  const { pathway, level, scale } = decidePathway(tk, rules, ctx, decided.level, log);
  // 4. Every other rule, now that the level and pathway are known.
  fireOtherRules(rules, ctx, log);
  const firedList = firedInRuleOrder(rules, log);
  const route = authority.routes[pathway];
  const reasons = [
    pathwayReason(tk, pathway, level, scale, route),
    ...contributionReasons(contributions),
    ...grading.reasons,
    ...decided.reasons,
    ...ruleReasons(firedList),
    ...protectiveReasons(tk, present),
  ];
  // 5-8. Referrals, contacts, next steps and specialist services.
  const referrals = mergeReferrals(tk, firedList);
  const contacts = triageContacts(tk, { authority, pathway, route, firedList, referrals });
  const steps = nextSteps(firedList, route);
  const services = matchingServices(tk, authority.id, firedList);

  return {
    authority: authority.id,
    pathway,
    level,
    indicators: listedIndicators(present, byId),
    reasons,
    firedRules: log.fired,
    referrals,
    contacts,
    nextSteps: steps,
    services,
    citations: resultCitations(reasons, referrals, contacts, steps, services),
    ...(decided.uplift ? { uplift: decided.uplift } : {}),
    ...(decided.consider && (pathway === 'child-in-need' || pathway === 'early-help') ? { consider: decided.consider } : {}),
    ...(decided.escalatedForSafety ? { escalatedForSafety: decided.escalatedForSafety } : {}),
    gradingNotes: grading.notes,
    missingFacts: missingFactQuestions(tk, facts),
    mustCheck: [],
    disclaimer: tk.disclaimer,
  };
}

/** Compare two pathways by urgency (negative when a is less urgent than b). */
export function comparePathways(a: Pathway, b: Pathway): number {
  return PATHWAY_ORDER[a] - PATHWAY_ORDER[b];
}

export { PATHWAYS };
