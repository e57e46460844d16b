import { dedupeCitations } from './citations';
import { conditionFacts, conditionIndicators, evaluateCondition, type ConditionContext } from './conditions';
import {
  PATHWAYS,
  type CompiledContact,
  type CompiledRule,
  type FiredRule,
  type Level,
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

const AGE_FACTS = new Set(['youngestChildAge', 'childAgesKnown', 'childCount', 'unborn', 'specialNeeds']);

interface Contribution {
  level: Level;
  source: string;
  indicators: string[];
  citations: TriageCitation[];
  /** Its own condition counts the children's ages, so the age uplift is not applied on top. */
  ageBased: boolean;
}

function clampLevel(n: number): Level {
  return Math.max(1, Math.min(4, n)) as Level;
}

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

/**
 * Decide pathway, level, referrals, contacts and next steps from confirmed indicators and
 * facts. Highest level wins; immediate danger is an emergency; when in doubt, one level up.
 */
export function decideTriage(tk: TriageKnowledge, input: TriageInput): TriageResult {
  const authority = tk.authorities[input.authority];
  if (!authority) throw new Error(`unknown authority "${input.authority}" (known: ${Object.keys(tk.authorities).join(', ')})`);
  const byId = new Map(tk.indicators.map((i) => [i.id, i]));
  const present = new Set(input.indicatorIds.filter((id) => byId.has(id)));
  const tagged = new Map<string, Set<string>>();
  for (const i of tk.indicators) for (const t of i.tags) tagged.set(t, (tagged.get(t) ?? new Set()).add(i.id));
  // Indicators that are themselves facts keep the facts consistent when a card edits them.
  const facts = { ...input.facts, childAges: [...input.facts.childAges] };
  if (present.has('immediate-danger')) facts.immediateDanger = true;
  if (present.has('child-special-needs')) facts.specialNeeds = true;
  const ctx: ConditionContext = { present, tagged, facts };
  const rules = rulesFor(tk, authority.id);
  const reasons: TriageReason[] = [];
  const firedRules: FiredRule[] = [];
  const fired = new Set<string>();
  const fire = (r: CompiledRule) => {
    if (fired.has(r.id)) return;
    fired.add(r.id);
    firedRules.push({ id: r.id, description: r.description, level: r.level ?? null, citation: r.citations[0]!, citations: r.citations });
  };

  // 1. Every grading: matrix items for present indicators, and rules that set a level.
  const contributions: Contribution[] = [];
  for (const scale of tk.matrix.scales) {
    for (const item of [...scale.evidence, ...scale.riskFactors]) {
      const hits = item.indicators.filter((id) => present.has(id));
      if (hits.length)
        contributions.push({
          level: scale.scale,
          source: `Barnardo's matrix scale ${scale.scale} (${scale.name}): ${item.text}`,
          indicators: hits,
          citations: item.citations,
          ageBased: false,
        });
    }
  }
  for (const r of rules) {
    if (r.level === undefined || !evaluateCondition(r.when, ctx)) continue;
    fire(r);
    const ageBased = [...conditionFacts(r.when)].some((f) => AGE_FACTS.has(f));
    contributions.push({ level: r.level, source: r.description, indicators: [...conditionIndicators(r.when, ctx)], citations: r.citations, ageBased });
  }
  for (const c of contributions)
    reasons.push({ kind: c.source.startsWith("Barnardo's") ? 'indicator' : 'rule', text: `Scale ${c.level}: ${c.source}`, citations: c.citations });

  // Where the same indicator is graded differently, the higher wins and we say so.
  const gradingNotes: string[] = [];
  for (const id of present) {
    const gradings = contributions.filter((c) => c.indicators.includes(id));
    const levels = [...new Set(gradings.map((g) => g.level))];
    if (levels.length > 1) {
      const top = Math.max(...levels);
      const note = `${byId.get(id)!.label}: graded differently (${gradings.map((g) => `scale ${g.level} by ${g.source}`).join('; ')}). The higher, scale ${top}, is used.`;
      gradingNotes.push(note);
      reasons.push({ kind: 'grading', text: note, citations: dedupeCitations(gradings.flatMap((g) => g.citations)) });
    }
  }

  // 2. Highest level wins; then the age / special needs uplift; then "when in doubt, go up".
  const maxOf = (list: Contribution[]) => (list.length ? (Math.max(...list.map((c) => c.level)) as Level) : null);
  let level: Level | null = maxOf(contributions.filter((c) => !c.ageBased));
  const ageLevel = maxOf(contributions.filter((c) => c.ageBased));
  let uplift: string | undefined;
  const up = tk.matrix.uplift;
  if (level !== null && level < 4 && evaluateCondition(up.when, ctx)) {
    const raised = clampLevel(level + (up.raiseBy ?? 1));
    uplift = `${up.description}: scale ${level} raised to scale ${raised}.`;
    reasons.push({ kind: 'uplift', text: uplift, citations: up.citations });
    level = raised;
  }
  if (ageLevel !== null && (level === null || ageLevel > level)) level = ageLevel;

  let escalatedForSafety: string | undefined;
  for (const e of tk.national.escalations) {
    ctx.level = level;
    if (!evaluateCondition(e.when, ctx)) continue;
    const before = level;
    level = e.setLevel !== undefined ? e.setLevel : clampLevel(Math.max((level ?? 0) + (e.raiseBy ?? 1), e.atLeast ?? 1));
    if (before === level) continue;
    const text = before === null ? `${e.description}.` : `${e.description}: scale ${before} raised to scale ${level}.`;
    escalatedForSafety = escalatedForSafety ? `${escalatedForSafety} ${text}` : text;
    reasons.push({ kind: 'safety', text, citations: e.citations });
  }
  ctx.level = level;

  // 3. Pathway: danger now first, then no child in the household, then the matrix scale.
  let pathway: Pathway | undefined;
  for (const want of ['emergency', 'adult-services'] as const) {
    const r = rules.find((x) => x.pathway === want && evaluateCondition(x.when, ctx));
    if (r) {
      fire(r);
      pathway ??= want;
    }
  }
  const scale = tk.matrix.scales.find((s) => s.scale === (level ?? 1))!;
  pathway ??= scale.pathway;
  if (pathway === 'adult-services') level = null;
  ctx.level = level;
  ctx.pathway = pathway;

  // 4. Every other rule, now that the level and pathway are known.
  for (const r of rules) if (r.level === undefined && r.pathway === undefined && evaluateCondition(r.when, ctx)) fire(r);
  const firedList = rules.filter((r) => fired.has(r.id));
  for (const r of firedList) if (r.level === undefined) reasons.push({ kind: 'rule', text: r.description, citations: r.citations });

  const route = authority.routes[pathway];
  const pathwayCitations = dedupeCitations([...(pathway === 'adult-services' || pathway === 'emergency' ? [] : scale.citations), ...(route?.citations ?? [])]);
  reasons.unshift({
    kind: 'pathway',
    text: `Pathway: ${pathwayLabel(pathway)}${level ? `, Barnardo's matrix scale ${level}` : ''}.${route ? ` ${route.summary}` : ''}${
      pathway !== 'adult-services' && pathway !== 'emergency' ? ` ${tk.matrix.note}` : ''
    }`,
    citations: pathwayCitations,
  });
  for (const s of tk.matrix.scales)
    for (const p of s.protectiveFactors)
      if (p.indicators.some((id) => present.has(id)))
        reasons.push({ kind: 'protective', text: `Protective factor noted (it does not lower the level): ${p.text}`, citations: p.citations });

  // 5. Referrals, merged by id, in vocabulary order.
  const refMap = new Map<string, TriageReferral>();
  for (const r of firedList)
    for (const ref of r.referrals) {
      const cur = refMap.get(ref.id);
      if (cur) {
        if (!cur.why.includes(ref.why)) cur.why = `${cur.why}; ${ref.why}`;
        cur.citations = dedupeCitations([...cur.citations, ...r.citations]);
      } else refMap.set(ref.id, { id: ref.id, label: tk.referralTypes[ref.id]?.label ?? ref.id, why: ref.why, citations: r.citations });
    }
  const order = Object.keys(tk.referralTypes);
  const referrals = [...refMap.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));

  // 6. Contacts: 999 and out-of-hours first in an emergency, then the route, rules and referrals.
  const local = new Map(authority.contacts.map((c) => [c.id, c]));
  const picked: CompiledContact[] = [];
  const add = (c: CompiledContact | undefined) => {
    if (c && !picked.includes(c)) picked.push(c);
  };
  if (pathway === 'emergency') {
    tk.national.contacts.filter((c) => c.serves.includes('police')).forEach(add);
    authority.contacts.filter((c) => c.outOfHours || /out of hours/i.test(c.hours ?? '')).forEach(add);
  }
  route?.contacts.forEach((id) => add(local.get(id)));
  firedList.forEach((r) => r.contacts.forEach((id) => add(local.get(id))));
  for (const ref of referrals) authority.contacts.filter((c) => c.serves.includes(ref.id)).forEach(add);
  const contacts: TriageContact[] = picked.map((c) => ({
    name: c.name ?? c.role,
    role: c.role,
    ...(c.phone ? { phone: c.phone } : {}),
    ...(c.email ? { email: c.email } : {}),
    ...(c.hours ? { hours: c.hours } : {}),
    ...(c.outOfHours ? { outOfHours: c.outOfHours } : {}),
    citations: c.citations,
  }));
  // A specialist-service referral names its need (male victims, LGBT+, honour-based abuse …): the
  // asker's own document's services for that need are the contacts for it (national ones stay in services).
  if (refMap.has('specialist-service')) {
    const wanted = new Set(firedList.filter((r) => r.referrals.some((x) => x.id === 'specialist-service')).flatMap((r) => r.services));
    for (const s of tk.services)
      if (s.authorities.includes(authority.id) && s.needs.some((n) => wanted.has(n)) && !contacts.some((c) => c.name === s.name))
        contacts.push({
          name: s.name,
          role: `Specialist service (${s.needs.map((n) => tk.needs.find((x) => x.id === n)?.label ?? n).join(', ')})`,
          ...(s.phone ? { phone: s.phone } : {}),
          ...(s.email ? { email: s.email } : {}),
          citations: s.citations,
        });
  }

  // 7. Next steps: danger-now steps first, then the route's, then each rule's.
  const steps: TriageStep[] = [];
  const addStep = (s: { text: string; timescale?: string }, citation: TriageCitation) => {
    if (!steps.some((x) => x.text === s.text)) steps.push({ ...s, citation });
  };
  firedList.filter((r) => r.pathway === 'emergency').forEach((r) => r.nextSteps.forEach((s) => addStep(s, r.citations[0]!)));
  route?.nextSteps.forEach((s) => addStep(s, route.citations[0]!));
  firedList.forEach((r) => r.nextSteps.forEach((s) => addStep(s, r.citations[0]!)));

  // 8. Specialist services for the needs the fired rules name (local and national).
  const needs = new Set(firedList.flatMap((r) => r.services));
  const services: TriageService[] = tk.services
    .filter((s) => s.needs.some((n) => needs.has(n)) && (s.authorities.length === 0 || s.authorities.includes(authority.id)))
    .map((s) => ({
      id: s.id,
      name: s.name,
      ...(s.phone ? { phone: s.phone } : {}),
      ...(s.email ? { email: s.email } : {}),
      ...(s.web ? { web: s.web } : {}),
      needs: s.needs,
      citation: s.citations[0]!,
    }));

  const citations = dedupeCitations([
    ...reasons.flatMap((r) => r.citations),
    ...referrals.flatMap((r) => r.citations),
    ...contacts.flatMap((c) => c.citations),
    ...steps.map((s) => s.citation),
    ...services.map((s) => s.citation),
  ]);

  return {
    authority: authority.id,
    pathway,
    level,
    // Listed once: an indicator that a more specific present one includes is not listed again
    // (a strangulation case shows strangulation, not "physical violence (hitting, slapping …)").
    indicators: [...present]
      .filter((id) => ![...present].some((other) => byId.get(other)!.implies.includes(id)))
      .map((id) => {
        const i = byId.get(id)!;
        return { id, label: i.label, group: i.group, ...(i.scale ? { scale: i.scale } : {}) };
      }),
    reasons,
    firedRules,
    referrals,
    contacts,
    nextSteps: steps,
    services,
    citations,
    ...(uplift ? { uplift } : {}),
    ...(escalatedForSafety ? { escalatedForSafety } : {}),
    gradingNotes,
    missingFacts: missingFactQuestions(tk, facts),
    mustCheck: [],
    disclaimer: tk.disclaimer,
  };
}

export function comparePathways(a: Pathway, b: Pathway): number {
  return PATHWAY_ORDER[a] - PATHWAY_ORDER[b];
}

export { PATHWAYS };
