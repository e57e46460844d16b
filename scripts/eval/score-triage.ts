import type { Vignette } from './sets';

/**
 * Scoring for triage (../shared/eval/README.md): pathway accuracy (the expected pathway or an
 * acceptable one), under-triage (below the lowest safe pathway: the error that must never
 * happen), over-triage (above every accepted pathway), referral and contact recall, cited.
 */
export const URGENCY = ['early-help', 'child-in-need', 'child-protection', 'emergency'];

export interface TriageLineLike {
  pathway: string;
  level: number | null;
  referrals: string[];
  contacts: unknown[];
  citations: unknown[];
}

export type Triager = (v: Vignette) => TriageLineLike | Promise<TriageLineLike>;

export interface TriageMiss {
  id: string;
  got: string;
  expected: string;
  missingReferrals: string[];
  missingContacts: string[];
  under?: boolean;
  over?: boolean;
}

export interface TriageMetrics {
  vignettes: number;
  pathwayAccuracy: number;
  underTriage: number;
  overTriage: number;
  referralRecall: number;
  contactRecall: number;
  cited: number;
  underTriageIds: string[];
  misses: TriageMiss[];
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

export async function scoreTriage(lines: Vignette[], run: Triager): Promise<TriageMetrics> {
  let correct = 0;
  let over = 0;
  let refHit = 0;
  let refTotal = 0;
  let conHit = 0;
  let conTotal = 0;
  let cited = 0;
  const misses: TriageMiss[] = [];
  const underIds: string[] = [];
  for (const v of lines) {
    const out = await run(v);
    const ok = out.pathway === v.expect.pathway || (v.expect.acceptable as string[]).includes(out.pathway);
    if (ok) correct++;
    const rank = URGENCY.indexOf(out.pathway);
    const isUnder = !!v.expect.min && rank < URGENCY.indexOf(v.expect.min);
    if (isUnder) underIds.push(v.id);
    // Over-triage: wrong, and more urgent than every accepted pathway (adult routes sit apart).
    const accepted = [v.expect.pathway, ...v.expect.acceptable].map((p) => URGENCY.indexOf(p));
    const isOver = !ok && rank >= 0 && rank > Math.max(...accepted);
    if (isOver) over++;
    const missingReferrals = v.expect.referrals.filter((r) => !out.referrals.includes(r));
    refTotal += v.expect.referrals.length;
    refHit += v.expect.referrals.length - missingReferrals.length;
    const contactText = fold(JSON.stringify(out.contacts));
    const missingContacts = v.expect.contacts.filter((c) => !contactText.includes(fold(c)));
    conTotal += v.expect.contacts.length;
    conHit += v.expect.contacts.length - missingContacts.length;
    if (out.citations.length > 0) cited++;
    if (!ok || missingReferrals.length || missingContacts.length) {
      misses.push({
        id: v.id,
        got: `${out.pathway}/${out.level ?? '-'}`,
        expected: [v.expect.pathway, ...v.expect.acceptable].join('|'),
        missingReferrals,
        missingContacts,
        ...(isUnder ? { under: true } : {}),
        ...(isOver ? { over: true } : {}),
      });
    }
  }
  const n = lines.length;
  return {
    vignettes: n,
    pathwayAccuracy: n ? correct / n : 0,
    underTriage: underIds.length,
    overTriage: over,
    referralRecall: refTotal ? refHit / refTotal : 1,
    contactRecall: conTotal ? conHit / conTotal : 1,
    cited: n ? cited / n : 0,
    underTriageIds: underIds,
    misses,
  };
}

export function formatTriage(m: TriageMetrics): string {
  const f = (x: number) => x.toFixed(3);
  return `pathway accuracy ${f(m.pathwayAccuracy)}  under-triage ${m.underTriage}  over-triage ${m.overTriage}  referral recall ${f(m.referralRecall)}  contact recall ${f(m.contactRecall)}  cited ${f(m.cited)}`;
}

/** Misses by id only (description text is never printed). */
export function triageMisses(m: TriageMetrics): string[] {
  return m.misses.map(
    (x) =>
      `${x.id}: got ${x.got}, expected ${x.expected}${x.under ? ' UNDER-TRIAGE' : ''}${x.over ? ' (over)' : ''}${x.missingReferrals.length ? `, missing referrals ${x.missingReferrals.join(',')}` : ''}${x.missingContacts.length ? `, missing contacts ${x.missingContacts.join(',')}` : ''}`,
  );
}

/**
 * Authoring errors in a vignette set (by id): an accepted pathway below `min` (that would hide
 * an under-triage), adult routes with a `min`, a child pathway without one, a duplicate id.
 */
export function vignetteProblems(lines: Vignette[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const v of lines) {
    if (seen.has(v.id)) problems.push(`${v.id}: duplicate id`);
    seen.add(v.id);
    const { pathway, acceptable, min } = v.expect;
    if (pathway === 'adult-services') {
      if (min) problems.push(`${v.id}: adult-services with a min`);
      continue;
    }
    if (!min) {
      problems.push(`${v.id}: no min for a child pathway`);
      continue;
    }
    for (const p of [pathway, ...acceptable]) if (URGENCY.indexOf(p) < URGENCY.indexOf(min)) problems.push(`${v.id}: ${p} is accepted but below min ${min}`);
  }
  return problems;
}
