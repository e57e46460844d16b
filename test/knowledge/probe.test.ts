import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKnowledge } from '../../knowledge/ingest/build';
import { createPolicyAnswerer, loadKnowledge, type PolicyAnswerer } from '../../knowledge/search';
import { scoreQa, unfoundEvidence, type Answerer } from '../../scripts/eval/score-qa';
import { evalDir, qaLineSchema, readSet } from '../../scripts/eval/sets';

/**
 * The project's own dev probe (eval/dev/qa-probe.jsonl): questions of every kind, written from
 * the source documents and tuned against, answered by the engine the bot uses (lexical evidence
 * and meaning). Floors sit a little under the measured figures so a regression in a kind of
 * question fails here. The decision to answer is calibrated to answer rather than wrongly
 * decline: some near-domain must-decline questions are answered (as "may not answer exactly").
 */
const PROBE_FILE = join(evalDir, 'dev', 'qa-probe.jsonl');
const FLOORS = { hitAt1: 0.9, hitAt3: 0.96, mrr: 0.93, mustDeclineDeclined: 0.65, answerableDeclined: 0.01 };

let outDir: string;
let answerer: PolicyAnswerer;
const lines = readSet(PROBE_FILE, qaLineSchema, 'dev');
const answer: Answerer = async (q, authority) => {
  const r = await answerer.answer(q, { authority });
  return { answered: r.answered, results: r.results.map((x) => ({ docId: x.citation.docId, text: x.passage.display })) };
};

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kb-probe-'));
  await buildKnowledge({ outDir });
  answerer = createPolicyAnswerer(loadKnowledge(outDir));
  await answerer.whenReady();
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('probe set', () => {
  it('is large enough and its evidence is really in the expected documents', () => {
    expect(lines.filter((l) => !l.expectNoAnswer).length).toBeGreaterThanOrEqual(80);
    expect(lines.filter((l) => l.expectNoAnswer).length).toBeGreaterThanOrEqual(15);
    expect(unfoundEvidence(lines, answerer.kb.store.passages)).toEqual([]);
  });

  it('keeps hit@1, hit@3 and MRR above their floors', async () => {
    const { metrics } = await scoreQa(lines, answer);
    expect(metrics.hitAt1).toBeGreaterThanOrEqual(FLOORS.hitAt1);
    expect(metrics.hitAt3).toBeGreaterThanOrEqual(FLOORS.hitAt3);
    expect(metrics.mrr).toBeGreaterThanOrEqual(FLOORS.mrr);
  });

  it('declines most must-decline questions and almost no answerable one', async () => {
    const { metrics } = await scoreQa(lines, answer);
    expect(metrics.declinedCorrectly / metrics.noAnswer).toBeGreaterThanOrEqual(FLOORS.mustDeclineDeclined);
    expect(metrics.wronglyDeclined / metrics.answerable).toBeLessThanOrEqual(FLOORS.answerableDeclined);
  });
});
