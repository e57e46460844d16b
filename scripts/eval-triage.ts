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
  misses: { id: string; got: string; expected: string; missingReferrals: string[]; missingContacts: string[] }[];
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
  for (const line of lines) {
    const v = vignetteSchema.parse(JSON.parse(line));
    const out = toContractLine(v.id, triage(tk, { authority: v.authority, description: v.description }));
    const ok = out.pathway === v.expect.pathway || v.expect.acceptable.includes(out.pathway);
    if (ok) correct++;
    const min = v.expect.min ? ORDER.indexOf(v.expect.min) : -1;
    if (min >= 0 && ORDER.indexOf(out.pathway) < min) under++;
    const missingReferrals = v.expect.referrals.filter((r) => !out.referrals.includes(r));
    refTotal += v.expect.referrals.length;
    refHit += v.expect.referrals.length - missingReferrals.length;
    const contactText = fold(JSON.stringify(out.contacts));
    const missingContacts = v.expect.contacts.filter((c) => !contactText.includes(fold(c)));
    conTotal += v.expect.contacts.length;
    conHit += v.expect.contacts.length - missingContacts.length;
    if (out.citations.length > 0) cited++;
    if (!ok || missingReferrals.length || missingContacts.length) {
      misses.push({ id: v.id, got: `${out.pathway}/${out.level ?? '-'}`, expected: [v.expect.pathway, ...v.expect.acceptable].join('|'), missingReferrals, missingContacts });
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
    misses,
  };
  const pct = (x: number) => x.toFixed(3);
  const report = [
    `triage (${n} vignettes): pathway accuracy ${pct(metrics.pathwayAccuracy)}, under-triage ${under}, referral recall ${pct(metrics.referralRecall)}, contact recall ${pct(metrics.contactRecall)}, cited ${pct(metrics.cited)}`,
    ...misses.map((m) => `  ${m.id}: got ${m.got}, expected ${m.expected}${m.missingReferrals.length ? `, missing referrals ${m.missingReferrals.join(',')}` : ''}${m.missingContacts.length ? `, missing contacts ${m.missingContacts.join(',')}` : ''}`),
  ].join('\n');
  return { report, metrics };
}
