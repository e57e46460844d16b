import { join } from 'node:path';
import { scoreTriage, vignetteProblems, type TriageMetrics } from '../../scripts/eval/score-triage';
import { evalDir, readSet, vignetteSchema } from '../../scripts/eval/sets';
import { toContractLine } from '../../scripts/triage';
import { triage } from '../../knowledge/triage';
import { knowledge } from './helpers';

/**
 * The project's own dev probe (eval/dev/triage-probe.jsonl): vignettes written the way
 * practitioners write, with expectations set from the source documents and the Barnardo's
 * matrix, tuned against. Scored with the same measures as `npm run eval`, on the triage
 * knowledge compiled from the current data files.
 */
const lines = readSet(join(evalDir, 'dev', 'triage-probe.jsonl'), vignetteSchema, 'dev');

describe('triage probe set', () => {
  let metrics: TriageMetrics;
  beforeAll(async () => {
    const tk = knowledge();
    metrics = await scoreTriage(lines, (v) => toContractLine(tk, v.id, triage(tk, { authority: v.authority, description: v.description })));
  });

  it('is well formed (no accepted pathway below min, unique ids)', () => {
    expect(vignetteProblems(lines)).toEqual([]);
  });

  it('has enough vignettes to mean something', () => {
    expect(metrics.vignettes).toBeGreaterThanOrEqual(50);
  });

  it('never under-triages (no result below the lowest safe pathway)', () => {
    expect(metrics.underTriageIds).toEqual([]);
  });

  it('keeps pathway accuracy at or above 0.9', () => {
    expect(metrics.pathwayAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps referral recall at or above 0.9 and contact recall at or above 0.9', () => {
    expect(metrics.referralRecall).toBeGreaterThanOrEqual(0.9);
    expect(metrics.contactRecall).toBeGreaterThanOrEqual(0.9);
  });

  it('cites every result', () => {
    expect(metrics.cited).toBe(1);
  });
});
