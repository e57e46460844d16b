import { loadUseLiteEncoder } from '../knowledge/meaning/use-lite-encoder';
import { clausesOf, loadIndicatorMeaning, loadTriageKnowledge, MEANING_READING, readIndicators, readMeaning, triage, type MeaningThresholds } from '../knowledge/triage';
import { scoreTriage, type TriageMetrics } from './eval/score-triage';
import { triageSets, type Vignette } from './eval/sets';
import { overridesFromAnswers, toContractLine } from './triage';

/**
 * `npm run tune:triage`: chooses the meaning reader's two similarity lines on the triage
 * calibration set alone: first no under-triage, then the least over-triage, then the best
 * pathway accuracy, and on a tie the higher line (fewer suggestions for the practitioner to
 * untick). Prints the choice beside the lines in use, and what the dev sets score with it.
 * Frozen sets are never read.
 */
async function main(): Promise<void> {
  const tk = loadTriageKnowledge();
  const table = loadIndicatorMeaning();
  if (!table) throw new Error('no indicator vectors: run npm run knowledge:build');
  const encoder = await loadUseLiteEncoder();
  const [calibration] = triageSets('calibration');
  if (!calibration) throw new Error('no triage calibration set in eval/calibration');
  const dev = triageSets('dev');

  // Encode every clause once; thresholds only change what is done with the similarities.
  const prepared = new Map<string, { clauses: string[]; vectors: Float32Array[]; evidence: string[] }>();
  for (const v of [...calibration.lines, ...dev.flatMap((s) => s.lines)]) {
    const clauses = clausesOf(v.description);
    prepared.set(v.id, { clauses, vectors: await encoder.encode(clauses), evidence: readIndicators(tk, v.description).indicators.map((i) => i.evidence) });
  }
  const run = (lines: Vignette[], t: MeaningThresholds): Promise<TriageMetrics> =>
    scoreTriage(lines, (v) => {
      const p = prepared.get(v.id)!;
      const meaning = readMeaning(tk, table, p.clauses, p.vectors, p.evidence, t);
      return toContractLine(v.id, triage(tk, { authority: v.authority, description: v.description, overrides: overridesFromAnswers(tk, v.answers ?? {}), meaning }));
    });
  const show = (m: TriageMetrics) => `accuracy ${m.pathwayAccuracy.toFixed(3)}, under ${m.underTriage}, over ${m.overTriage}, referral recall ${m.referralRecall.toFixed(3)}`;

  let best: { t: MeaningThresholds; m: TriageMetrics } | undefined;
  const better = (m: TriageMetrics, b: TriageMetrics) =>
    m.underTriage < b.underTriage || (m.underTriage === b.underTriage && (m.overTriage < b.overTriage || (m.overTriage === b.overTriage && m.pathwayAccuracy >= b.pathwayAccuracy)));
  for (let finding = 0.5; finding <= 0.86; finding += 0.02) {
    for (let harm = 0.4; harm <= finding; harm += 0.05) {
      const t = { finding: Math.round(finding * 100) / 100, harm: Math.round(harm * 100) / 100 };
      const m = await run(calibration.lines, t);
      if (!best || better(m, best.m)) best = { t, m };
    }
  }
  const off = await run(calibration.lines, { finding: 2, harm: 2 });
  console.log(`calibration with patterns alone: ${show(off)}`);
  console.log(`calibration with the lines in use ${JSON.stringify(MEANING_READING)}: ${show(await run(calibration.lines, MEANING_READING))}`);
  console.log(`chosen MEANING_READING = ${JSON.stringify(best!.t)}: ${show(best!.m)}`);
  for (const set of dev) console.log(`  ${set.name}: patterns alone ${show(await run(set.lines, { finding: 2, harm: 2 }))}; chosen ${show(await run(set.lines, best!.t))}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
