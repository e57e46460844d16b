import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKnowledge } from '../../knowledge/build/build';
import { loadKnowledge, type KnowledgeBase } from '../../knowledge/search';
import { readQaSet } from '../../scripts/eval-qa';
import { PROBE_FILE, runProbe, uncheckedEvidence } from '../../scripts/probe-qa';

/**
 * The held-out probe set (test/knowledge/probe-questions.jsonl): our own questions of every
 * kind the product is measured on, written from the source documents, not the dev set.
 * Floors sit a little under the measured figures so a regression in a kind of question fails
 * here. Known gaps are listed by id so that any NEW wrong decline or wrong answer fails.
 */
const FLOORS = { hitAt1: 0.88, hitAt3: 0.95, mrr: 0.92, holdoutHitAt3: 0.9 };
/** Measured misses left alone (see the probe report): must-declines answered, answerables declined. */
// gn8 ("how do i renew my car insurance"): Stoke's safety-planning list really says "details of
// car insurance", so two of its three words match a passage; only the verb is off-topic.
// Hard w-set cases, found but not answered (not in the set: they rank low, they are not declined):
// xw01/xw12 ask a section's content in none of its words ("what happens to the perpetrator",
// "perpetrator works at the school" → "position of trust ... LADO"); w28 "elderly" → "older
// people" sits in a long list passage; w35 "counselling line for staff" → "Employee assistance helpline".
const KNOWN_GAPS = new Set(['z14', 'k16', 'gn8']);

let outDir: string;
let kb: KnowledgeBase;

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'kb-probe-'));
  buildKnowledge({ outDir });
  kb = loadKnowledge(outDir);
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('probe set', () => {
  it('is large enough and its evidence is really in the expected documents', () => {
    const lines = readQaSet(PROBE_FILE);
    expect(lines.filter((l) => !l.expectNoAnswer).length).toBeGreaterThanOrEqual(80);
    expect(lines.filter((l) => l.expectNoAnswer).length).toBeGreaterThanOrEqual(15);
    expect(uncheckedEvidence(kb, lines)).toEqual([]);
  });

  it('keeps hit@1, hit@3 and MRR above their floors', () => {
    const { metrics } = runProbe(kb);
    expect(metrics.hitAt1).toBeGreaterThanOrEqual(FLOORS.hitAt1);
    expect(metrics.hitAt3).toBeGreaterThanOrEqual(FLOORS.hitAt3);
    expect(metrics.mrr).toBeGreaterThanOrEqual(FLOORS.mrr);
    expect(runProbe(kb, PROBE_FILE, 'holdout').metrics.hitAt3).toBeGreaterThanOrEqual(FLOORS.holdoutHitAt3);
  });

  it('declines every must-decline question and answers every answerable one (known gaps aside)', () => {
    const { ranks } = runProbe(kb);
    const wrong = [...ranks].filter(([id, rank]) => rank < 0 && !KNOWN_GAPS.has(id)).map(([id, rank]) => `${id}: ${rank === -1 ? 'declined' : 'answered'}`);
    expect(wrong).toEqual([]);
  });
});
