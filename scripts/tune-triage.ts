import { loadUseLiteEncoder } from '../knowledge/meaning/use-lite-encoder';
import {
  loadIndicatorMeaning,
  loadTriageKnowledge,
  MEANING_READING,
  meaningClauses,
  readIndicators,
  readMeaning,
  triage,
  type MeaningThresholds,
} from '../knowledge/triage';
import { scoreTriage, type TriageMetrics } from './eval/score-triage';
import { triageSets, type Vignette } from './eval/sets';
import { overridesFromAnswers, toContractLine } from './triage';

/**
 * `npm run tune:triage`: chooses the meaning reader's similarity lines on the triage
 * calibration sets alone (every batch together): first no under-triage, then the least over-triage, then the best
 * pathway accuracy, and on a tie the higher line (fewer suggestions for the practitioner to
 * untick). Prints the choice beside the lines in use, and what the dev sets score with it.
 * Frozen sets are never read.
 */
async function main(): Promise<void> {
  const tk = loadTriageKnowledge();
  const table = loadIndicatorMeaning();
  if (!table) throw new Error('no indicator vectors: run npm run knowledge:build');
  const encoder = await loadUseLiteEncoder();
  // Every calibration batch together: one set of 40 is too small to tell two lines apart.
  const batches = triageSets('calibration');
  if (batches.length === 0) throw new Error('no triage calibration set in eval/calibration');
  const calibration = { name: batches.map((b) => b.name).join(' + '), lines: batches.flatMap((b) => b.lines) };
  const dev = triageSets('dev');

  // Encode every clause once; thresholds only change what is done with the similarities.
  const prepared = new Map<string, { clauses: string[]; vectors: Float32Array[]; evidence: string[] }>();
  for (const v of [...calibration.lines, ...dev.flatMap((s) => s.lines)]) {
    // As the triager reads it: shorthand and contractions expanded first.
    const clauses = meaningClauses(tk, v.description);
    prepared.set(v.id, { clauses, vectors: await encoder.encode(clauses), evidence: readIndicators(tk, v.description).indicators.map((i) => i.evidence) });
  }
  const run = (lines: Vignette[], t: MeaningThresholds): Promise<TriageMetrics> =>
    scoreTriage(lines, (v) => {
      const p = prepared.get(v.id)!;
      const meaning = readMeaning(tk, table, p.clauses, p.vectors, p.evidence, t);
      return toContractLine(
        tk,
        v.id,
        triage(tk, { authority: v.authority, description: v.description, overrides: overridesFromAnswers(tk, v.answers ?? {}), meaning }),
      );
    });
  const show = (m: TriageMetrics) =>
    `accuracy ${m.pathwayAccuracy.toFixed(3)}, under ${m.underTriage}, over ${m.overTriage}, referral recall ${m.referralRecall.toFixed(3)}`;

  // Lexicographic, the calibration set deciding first: under-triage, over-triage; then the same on
  // calibration and dev together (where the small calibration set cannot tell); then accuracy and
  // referral recall.
  type Scored = { t: MeaningThresholds; cal: TriageMetrics; all: TriageMetrics };
  const key = (x: Scored) => [
    x.cal.underTriage,
    x.cal.overTriage,
    x.all.underTriage,
    x.all.overTriage,
    -x.cal.pathwayAccuracy,
    -x.all.pathwayAccuracy,
    -x.cal.referralRecall,
  ];
  const better = (a: Scored, b: Scored) => {
    const [x, y] = [key(a), key(b)];
    const i = x.findIndex((v, j) => Math.abs(v - y[j]!) > 1e-9);
    return i >= 0 && x[i]! < y[i]!;
  };
  const all = [...calibration.lines, ...dev.flatMap((s) => s.lines)];
  const score = async (t: MeaningThresholds): Promise<Scored> => ({ t, cal: await run(calibration.lines, t), all: await run(all, t) });
  // 1. Which clauses suggest an indicator (the unexplained-harm line off).
  let best: Scored | undefined;
  for (let finding = 0.5; finding <= 0.86; finding += 0.03) {
    for (const margin of [0, 0.02, 0.04, 0.06, 0.1]) {
      const x = await score({ finding: Math.round(finding * 100) / 100, margin, harm: 2 });
      if (!best || better(x, best)) best = x;
    }
  }
  // 2. The unexplained-harm line: the lowest (the most ready to say "I may have missed something"
  // and go up) that costs nothing on these sets; lower lines that only add over-triage are not taken.
  for (const harm of [0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45]) {
    const x = await score({ ...best!.t, harm });
    if (better(best!, x)) break;
    best = x;
  }
  const off = await run(calibration.lines, { finding: 2, margin: 0, harm: 2 });
  console.log(`calibration with patterns alone: ${show(off)}`);
  console.log(`calibration with the lines in use ${JSON.stringify(MEANING_READING)}: ${show(await run(calibration.lines, MEANING_READING))}`);
  console.log(`chosen MEANING_READING = ${JSON.stringify(best!.t)}: ${show(best!.cal)}`);
  for (const set of dev)
    console.log(
      `  ${set.name}: patterns alone ${show(await run(set.lines, { finding: 2, margin: 0, harm: 2 }))}; chosen ${show(await run(set.lines, best!.t))}`,
    );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
