import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../knowledge/paths';
import { loadTriageKnowledge, type TriageKnowledge } from '../knowledge/triage';
import { evaluateTriage, type TriageMetrics } from './eval-triage';

/**
 * `npx tsx scripts/probe-triage.ts [FILE]`: scores the held-out triage probe set
 * (test/triage/probe-vignettes.jsonl: written from the source documents and the Barnardo's
 * matrix before the engine was run on it, not from the dev set) with the same measures as
 * `npm run eval`: pathway accuracy, under-triage (with ids), over-triage, referral and contact
 * recall, cited. Misses are listed by id only; description text is never printed.
 */
export const PROBE_FILE = join(projectRoot, 'test', 'triage', 'probe-vignettes.jsonl');

const ORDER = ['early-help', 'child-in-need', 'child-protection', 'emergency'];

/**
 * Authoring errors in a vignette file (by id): an accepted pathway below `min` (that would hide
 * an under-triage), adult routes with a `min`, or a child pathway without one.
 */
export function vignetteFileProblems(file = PROBE_FILE): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const v = JSON.parse(line) as { id: string; expect: { pathway: string; acceptable?: string[]; min?: string | null } };
    if (seen.has(v.id)) problems.push(`${v.id}: duplicate id`);
    seen.add(v.id);
    const { pathway, acceptable = [], min } = v.expect;
    if (pathway === 'adult-services') {
      if (min) problems.push(`${v.id}: adult-services with a min`);
      continue;
    }
    if (!min) {
      problems.push(`${v.id}: no min for a child pathway`);
      continue;
    }
    for (const p of [pathway, ...acceptable]) if (ORDER.indexOf(p) < ORDER.indexOf(min)) problems.push(`${v.id}: ${p} is accepted but below min ${min}`);
  }
  return problems;
}

export async function runTriageProbe(file = PROBE_FILE, tk: TriageKnowledge = loadTriageKnowledge()): Promise<{ report: string; metrics: TriageMetrics }> {
  const { report, metrics } = await evaluateTriage(file, tk);
  return { report: report.replace(/^triage \(/, 'triage probe ('), metrics };
}

if (require.main === module) {
  const file = process.argv[2] ?? PROBE_FILE;
  const problems = vignetteFileProblems(file);
  for (const p of problems) console.error(`probe file: ${p}`);
  runTriageProbe(file)
    .then(({ report, metrics }) => {
      console.log(report);
      if (metrics.underTriageIds.length) console.log(`under-triage ids: ${metrics.underTriageIds.join(', ')}`);
      if (problems.length) process.exitCode = 1;
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    });
}
