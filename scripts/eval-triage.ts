import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { sharedDir } from '../knowledge/paths';
import { loadTriageKnowledge, triage, PATHWAYS, type TriageKnowledge } from '../knowledge/triage';
import { toContractLine } from './triage';

const ORDER = ['early-help', 'child-in-need', 'child-protection', 'emergency'];

const vignetteSchema = z.object({
  id: z.string(),
  authority: z.string(),
  description: z.string(),
  expect: z.object({
    pathway: z.enum(PATHWAYS),
    acceptable: z.array(z.enum(PATHWAYS)).default([]),
    min: z.enum(PATHWAYS).nullable().optional(),
    referrals: z.array(z.string()).default([]),
    contacts: z.array(z.string()).default([]),
  }),
});

export interface TriageMetrics {
  vignettes: number;
  pathwayAccuracy: number;
  underTriage: number;
  referralRecall: number;
  contactRecall: number;
  cited: number;
  /** Results above every acceptable pathway (costs accuracy, never safety). */
  overTriage: number;
  /** Ids of the results below `min` (the error that must never happen). */
  underTriageIds: string[];
  misses: { id: string; got: string; expected: string; missingReferrals: string[]; missingContacts: string[]; under?: boolean; over?: boolean }[];
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

/** Score the triage dev vignettes (../shared/eval/triage-dev.jsonl). */
export async function evaluateTriage(file = join(sharedDir, 'eval', 'triage-dev.jsonl'), tk: TriageKnowledge = loadTriageKnowledge()): Promise<{ report: string; metrics: TriageMetrics }> {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  let correct = 0;
  let under = 0;
  let refHit = 0;
  let refTotal = 0;
  let conHit = 0;
  let conTotal = 0;
  let cited = 0;
  const misses: TriageMetrics['misses'] = [];
  const underIds: string[] = [];
  let over = 0;
  for (const line of lines) {
    const v = vignetteSchema.parse(JSON.parse(line));
    const out = toContractLine(v.id, triage(tk, { authority: v.authority, description: v.description }));
    const ok = out.pathway === v.expect.pathway || v.expect.acceptable.includes(out.pathway);
    if (ok) correct++;
    const min = v.expect.min ? ORDER.indexOf(v.expect.min) : -1;
    const isUnder = min >= 0 && ORDER.indexOf(out.pathway) < min;
    if (isUnder) {
      under++;
      underIds.push(v.id);
    }
    // Over-triage: wrong, and more urgent than every accepted pathway (adult-services sits apart).
    const accepted = [v.expect.pathway, ...v.expect.acceptable].map((p) => ORDER.indexOf(p));
    const isOver = !ok && ORDER.indexOf(out.pathway) >= 0 && ORDER.indexOf(out.pathway) > Math.max(...accepted);
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
  const metrics: TriageMetrics = {
    vignettes: n,
    pathwayAccuracy: n ? correct / n : 0,
    underTriage: under,
    referralRecall: refTotal ? refHit / refTotal : 1,
    contactRecall: conTotal ? conHit / conTotal : 1,
    cited: n ? cited / n : 0,
    overTriage: over,
    underTriageIds: underIds,
    misses,
  };
  const pct = (x: number) => x.toFixed(3);
  const report = [
    `triage (${n} vignettes): pathway accuracy ${pct(metrics.pathwayAccuracy)}, under-triage ${under}, over-triage ${over}, referral recall ${pct(metrics.referralRecall)}, contact recall ${pct(metrics.contactRecall)}, cited ${pct(metrics.cited)}`,
    ...misses.map((m) => `  ${m.id}: got ${m.got}, expected ${m.expected}${m.under ? ' UNDER-TRIAGE' : ''}${m.over ? ' (over)' : ''}${m.missingReferrals.length ? `, missing referrals ${m.missingReferrals.join(',')}` : ''}${m.missingContacts.length ? `, missing contacts ${m.missingContacts.join(',')}` : ''}`),
  ].join('\n');
  return { report, metrics };
}
