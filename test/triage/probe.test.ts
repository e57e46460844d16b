import { evaluateTriage } from '../../scripts/eval-triage';
import { PROBE_FILE, vignetteFileProblems } from '../../scripts/probe-triage';
import { knowledge } from './helpers';

/**
 * The held-out probe set (test/triage/probe-vignettes.jsonl): vignettes written the way
 * practitioners write, with expectations set from the source documents and the Barnardo's
 * matrix before the engine was run on them. Scored with the same measures as `npm run eval`,
 * on the triage knowledge compiled from the current data files.
 */
describe('triage probe set (held-out vignettes)', () => {
  let metrics: Awaited<ReturnType<typeof evaluateTriage>>['metrics'];
  beforeAll(async () => {
    metrics = (await evaluateTriage(PROBE_FILE, knowledge())).metrics;
  });

  it('the probe file is well formed (no accepted pathway below min, unique ids)', () => {
    expect(vignetteFileProblems(PROBE_FILE)).toEqual([]);
  });

  it('has enough vignettes to mean something', () => {
    expect(metrics.vignettes).toBeGreaterThanOrEqual(50);
  });

  it('never under-triages (no result below the lowest safe pathway)', () => {
    expect(metrics.underTriageIds).toEqual([]);
    expect(metrics.underTriage).toBe(0);
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
