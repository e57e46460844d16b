import { dedupeCitations } from './citations';
import { conditionFacts, conditionIndicators, evaluateCondition, type ConditionContext } from './conditions';
import { fireRule, type RuleLog } from './fired-rules';
import type { CompiledIndicator, CompiledRule, Level, TriageCitation, TriageKnowledge, TriageReason } from './types';

/**
 * Steps 1 and 2 of the decision: every grading of the case (matrix items and rules that set a
 * level), then one level: highest wins, the age / special needs uplift, "when in doubt, go up".
 */

const AGE_FACTS = new Set(['youngestChildAge', 'childAgesKnown', 'childCount', 'unborn', 'specialNeeds']);

/** One grading of the case: a matrix item or a rule that sets a level. */
export interface Contribution {
  level: Level;
  source: string;
  indicators: string[];
  citations: TriageCitation[];
  /** Its own condition counts the children's ages, so the age uplift is not applied on top. */
  ageBased: boolean;
  /** A matrix risk factor none of whose present indicators is severe: it raises the level only so far above the evidence. */
  contextOnly?: boolean;
  /**
   * A local rule that grades risk factors alone (Camden puts mental health and substance misuse at
   * scale 3): it sets the level in full, but it is not evidence of abuse for the age uplift to raise.
   */
  riskRule?: boolean;
}

/** The level decided in step 2, with what raised it and the reasons to show for that. */
export interface LevelDecision {
  level: Level | null;
  uplift?: string;
  /** The uplift was held back (no violence or injury for it to raise): what would raise the level. */
  consider?: string;
  escalatedForSafety?: string;
  /** The uplift's reason, then each escalation's, in the order applied. */
  reasons: TriageReason[];
}

/** A number kept within scales 1 to 4. */
export function clampLevel(n: number): Level {
  return Math.max(1, Math.min(4, n)) as Level;
}

/** The matrix items (evidence, then risk factors, scale by scale) that name a present indicator. */
export function matrixContributions(tk: TriageKnowledge, present: ReadonlySet<string>): Contribution[] {
  const severe = new Set(tk.indicators.filter((i) => i.tags.includes('severe')).map((i) => i.id));
  const contributions: Contribution[] = [];
  for (const scale of tk.matrix.scales) {
    const items = [...scale.evidence.map((item) => ({ item, risk: false })), ...scale.riskFactors.map((item) => ({ item, risk: true }))];
    for (const { item, risk } of items) {
      const hits = item.indicators.filter((id) => present.has(id));
      if (hits.length)
        contributions.push({
          level: scale.scale,
          source: `Barnardo's matrix scale ${scale.scale} (${scale.name}): ${item.text}`,
          indicators: hits,
          citations: item.citations,
          ageBased: false,
          ...(risk && !hits.some((id) => severe.has(id)) ? { contextOnly: true } : {}),
        });
    }
  }
  return contributions;
}

/** Indicators the matrix lists only as risk factors, never as evidence of abuse, and not severe (drink, low mood, stress): once per knowledge. */
const riskOnlyByKnowledge = new WeakMap<TriageKnowledge, Set<string>>();
function riskFactorsOnly(tk: TriageKnowledge): Set<string> {
  let known = riskOnlyByKnowledge.get(tk);
  if (!known) riskOnlyByKnowledge.set(tk, (known = computeRiskFactorsOnly(tk)));
  return known;
}

function computeRiskFactorsOnly(tk: TriageKnowledge): Set<string> {
  const severe = new Set(tk.indicators.filter((i) => i.tags.includes('severe')).map((i) => i.id));
  const evidence = new Set(tk.matrix.scales.flatMap((s) => s.evidence.flatMap((item) => item.indicators)));
  return new Set(tk.matrix.scales.flatMap((s) => s.riskFactors.flatMap((item) => item.indicators)).filter((id) => !evidence.has(id) && !severe.has(id)));
}

/**
 * The rules that set a level and whose condition holds, each fired and made a grading. A rule that
 * a local document states for risk factors alone (Camden: "other risk factors such as mental health
 * and substance misuse") sets its level, but is marked as not being evidence of abuse.
 */
export function ruleContributions(tk: TriageKnowledge, rules: readonly CompiledRule[], ctx: ConditionContext, log: RuleLog): Contribution[] {
  const riskOnly = riskFactorsOnly(tk);
  const contributions: Contribution[] = [];
  for (const r of rules) {
    if (r.level === undefined || !evaluateCondition(r.when, ctx)) continue;
    fireRule(log, r);
    const facts = [...conditionFacts(r.when)];
    const ageBased = facts.some((f) => AGE_FACTS.has(f));
    const indicators = [...conditionIndicators(r.when, ctx)];
    const riskRule = !facts.length && indicators.length > 0 && indicators.every((id) => riskOnly.has(id));
    contributions.push({ level: r.level, source: r.description, indicators, citations: r.citations, ageBased, ...(riskRule ? { riskRule } : {}) });
  }
  return contributions;
}

/** One reason per grading: a matrix item as an indicator reason, a rule as a rule reason. */
export function contributionReasons(contributions: readonly Contribution[]): TriageReason[] {
  return contributions.map((c) => ({
    kind: c.source.startsWith("Barnardo's") ? 'indicator' : 'rule',
    text: `Scale ${c.level}: ${c.source}`,
    citations: c.citations,
  }));
}

/** Where the same present indicator is graded differently: a note and a reason saying the higher wins. */
export function gradingDifferences(
  present: ReadonlySet<string>,
  byId: ReadonlyMap<string, CompiledIndicator>,
  contributions: readonly Contribution[],
): { notes: string[]; reasons: TriageReason[] } {
  const notes: string[] = [];
  const reasons: TriageReason[] = [];
  for (const id of present) {
    const gradings = contributions.filter((c) => c.indicators.includes(id));
    const levels = [...new Set(gradings.map((g) => g.level))];
    if (levels.length > 1) {
      const top = Math.max(...levels);
      const note = `${byId.get(id)!.label}: graded differently (${gradings.map((g) => `scale ${g.level} by ${g.source}`).join('; ')}). The higher, scale ${top}, is used.`;
      notes.push(note);
      reasons.push({ kind: 'grading', text: note, citations: dedupeCitations(gradings.flatMap((g) => g.citations)) });
    }
  }
  return { notes, reasons };
}

/** The highest level among some gradings, or null when there are none. */
function maxLevel(list: readonly Contribution[]): Level | null {
  return list.length ? (Math.max(...list.map((c) => c.level)) as Level) : null;
}

/**
 * The level the gradings set: the highest, except that a risk factor that is not severe (stress, drink,
 * a step-parent) raises the level at most `reach` scales above what the evidence of abuse shows
 * (scale 1 when there is none). The matrix lists such factors beside the abuse they aggravate.
 */
function gradedLevel(list: readonly Contribution[], reach: number | undefined): { level: Level | null; evidence: Level | null } {
  const evidence = maxLevel(list.filter((c) => !c.contextOnly && !c.riskRule));
  const rules = maxLevel(list.filter((c) => c.riskRule));
  const withRules = (level: Level | null): Level | null => (rules !== null && (level === null || rules > level) ? rules : level);
  if (reach === undefined) return { level: maxLevel(list), evidence };
  const context = maxLevel(list.filter((c) => c.contextOnly));
  if (context === null) return { level: withRules(evidence), evidence };
  const capped = Math.min(context, (evidence ?? 1) + reach) as Level;
  return { level: withRules(evidence === null ? capped : (Math.max(evidence, capped) as Level)), evidence };
}

/** The matrix's age / special needs uplift, applied to a level below 4 when its condition holds. */
function applyUplift(tk: TriageKnowledge, ctx: ConditionContext, level: Level | null): { level: Level | null; uplift?: string; reason?: TriageReason } {
  const up = tk.matrix.uplift;
  if (level === null || level >= 4 || !evaluateCondition(up.when, ctx)) return { level };
  // The matrix says a young or disabled child "can raise" the threshold: where matrix.yaml names when, hold back otherwise.
  const needs = level === 3 ? tk.matrix.upliftToScale4 : level === 2 ? tk.matrix.upliftToScale3 : undefined;
  if (needs && !evaluateCondition(needs.when, ctx)) return { level, reason: { kind: 'uplift', text: needs.otherwise, citations: up.citations } };
  const raised = clampLevel(level + (up.raiseBy ?? 1));
  const uplift = `${up.description}: scale ${level} raised to scale ${raised}.`;
  return { level: raised, uplift, reason: { kind: 'uplift', text: uplift, citations: up.citations } };
}

/** The uplifted evidence when it goes above what the gradings set; otherwise the gradings' level, unraised. */
function liftEvidence(lifted: ReturnType<typeof applyUplift>, graded: Level | null): ReturnType<typeof applyUplift> {
  if (graded === null || (lifted.level !== null && lifted.level > graded)) return lifted;
  // Held back (no uplift made): say so; an uplift that only reached the gradings' level is not news.
  return !lifted.uplift && lifted.reason && lifted.level === graded ? { level: graded, reason: lifted.reason } : { level: graded };
}

/** The national "when in doubt, go up" escalations, in order, each seeing the level so far. */
function applyEscalations(tk: TriageKnowledge, ctx: ConditionContext, start: Level | null): { level: Level | null; text?: string; reasons: TriageReason[] } {
  let level = start;
  let escalatedForSafety: string | undefined;
  const reasons: TriageReason[] = [];
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
  return { level, ...(escalatedForSafety ? { text: escalatedForSafety } : {}), reasons };
}

/** Step 2: highest level wins; then the uplift; then age-based gradings; then the escalations (sets ctx.level). */
export function decideLevel(tk: TriageKnowledge, ctx: ConditionContext, contributions: readonly Contribution[]): LevelDecision {
  const graded = gradedLevel(
    contributions.filter((c) => !c.ageBased),
    tk.matrix.riskFactorReach,
  );
  // The uplift raises what the abuse shows for a young or disabled child; with no evidence of abuse
  // at all (stress, drink or a step-parent alone) there is nothing for it to raise. Where the matrix
  // lets every risk factor set its scale (no riskFactorReach), those levels are raised as before.
  // Where risk factors reach above the evidence, the uplift raises the evidence of abuse, not the reach:
  // a young child makes a scale-3 incident scale 4, but drink or low mood beside a scale-2 row stays scale 3.
  const lifted =
    tk.matrix.riskFactorReach === undefined
      ? applyUplift(tk, ctx, graded.level)
      : graded.evidence === null
        ? { level: graded.level }
        : liftEvidence(applyUplift(tk, ctx, graded.evidence), graded.level);
  const ageLevel = maxLevel(contributions.filter((c) => c.ageBased));
  const level = ageLevel !== null && (lifted.level === null || ageLevel > lifted.level) ? ageLevel : lifted.level;
  const escalated = applyEscalations(tk, ctx, level);
  ctx.level = escalated.level;
  // An uplift held back is said only while the result stays at the level it was held at.
  const heldBack = !lifted.uplift && lifted.reason && escalated.level === lifted.level ? lifted.reason : undefined;
  const upliftReason = lifted.uplift ? lifted.reason : heldBack;
  return {
    level: escalated.level,
    ...(lifted.uplift ? { uplift: lifted.uplift } : {}),
    ...(heldBack ? { consider: heldBack.text } : {}),
    ...(escalated.text ? { escalatedForSafety: escalated.text } : {}),
    reasons: [...(upliftReason ? [upliftReason] : []), ...escalated.reasons],
  };
}
