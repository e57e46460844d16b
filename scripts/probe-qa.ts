import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../knowledge/paths';
import { answerQuestion, loadKnowledge, type KnowledgeBase } from '../knowledge/search';
import { foldForMatch, hitRank, readQaSet, type QaLine, type QaMetrics } from './eval-qa';

/**
 * `npx tsx scripts/probe-qa.ts [--check] [--kinds] [FILE]`: scores the held-out probe set
 * (test/knowledge/probe-questions.jsonl, written from the source documents, not from the dev
 * set) with the same rule as `npm run eval`: hit@1, hit@3, MRR, declines, wrongly declined,
 * and the misses by id. `--check` first verifies that every evidence string occurs in some
 * passage of an expected document (so a miss is the engine's, not the probe's). `--kinds`
 * breaks hit@3 down by the probe's `kind` label. Question text is never printed.
 */
export const PROBE_FILE = join(projectRoot, 'test', 'knowledge', 'probe-questions.jsonl');

export interface ProbeResult {
  metrics: QaMetrics;
  /** id → rank (0 = not in results, -1 = wrongly declined, -2 = answered but should decline). */
  ranks: Map<string, number>;
  misses: string[];
  kinds: Map<string, { n: number; hit3: number }>;
}

/** The probe's own labels, which the eval schema does not carry: kind of question, and split. */
function labelsOf(file: string): Map<string, { kind: string; split: string }> {
  const out = new Map<string, { kind: string; split: string }>();
  for (const l of readFileSync(file, 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const o = JSON.parse(l) as { id: string; kind?: string; split?: string };
    out.set(o.id, { kind: o.kind ?? 'other', split: o.split ?? 'tune' });
  }
  return out;
}

/** Evidence strings that no passage of an expected document contains (probe authoring errors). */
export function uncheckedEvidence(kb: KnowledgeBase, lines: QaLine[]): string[] {
  const bad: string[] = [];
  for (const line of lines) {
    if (line.expectNoAnswer) continue;
    const docs = Array.isArray(line.doc) ? line.doc : line.doc ? [line.doc] : [];
    const texts = kb.store.passages.filter((p) => docs.includes(p.docId)).map((p) => foldForMatch(p.display));
    for (const e of line.evidence) if (!texts.some((t) => t.includes(foldForMatch(e)))) bad.push(`${line.id}: "${e}"`);
  }
  return bad;
}

/**
 * Score the probe. `split`: only the `tune` questions (written before the engine was changed,
 * and looked at while changing it) or the `holdout` ones (written after, scored, never tuned on).
 */
export function runProbe(kb: KnowledgeBase, file = PROBE_FILE, split?: 'tune' | 'holdout'): ProbeResult {
  const labels = labelsOf(file);
  const lines = readQaSet(file).filter((l) => !split || labels.get(l.id)?.split === split);
  const m: QaMetrics = { answerable: 0, hitAt1: 0, hitAt3: 0, mrr: 0, noAnswer: 0, declinedCorrectly: 0, wronglyDeclined: 0 };
  const ranks = new Map<string, number>();
  const misses: string[] = [];
  const kinds = new Map<string, { n: number; hit3: number }>();
  for (const line of lines) {
    const result = answerQuestion(kb, line.q, { authority: line.authority });
    const kind = labels.get(line.id)?.kind ?? 'other';
    const k = kinds.get(kind) ?? { n: 0, hit3: 0 };
    kinds.set(kind, k);
    k.n++;
    if (line.expectNoAnswer) {
      m.noAnswer++;
      if (!result.answered) {
        m.declinedCorrectly++;
        k.hit3++;
        ranks.set(line.id, 1);
      } else {
        ranks.set(line.id, -2);
        misses.push(`${line.id}: answered but should decline`);
      }
      continue;
    }
    m.answerable++;
    if (!result.answered) {
      m.wronglyDeclined++;
      ranks.set(line.id, -1);
      misses.push(`${line.id}: declined (${result.decline?.reason})`);
      continue;
    }
    const rank = hitRank(kb, line, result.results.map((r) => ({ docId: r.citation.docId, text: r.passage.display })));
    ranks.set(line.id, rank);
    if (rank === 1) m.hitAt1++;
    if (rank >= 1 && rank <= 3) {
      m.hitAt3++;
      k.hit3++;
    }
    if (rank >= 1) m.mrr += 1 / rank;
    if (rank !== 1) misses.push(`${line.id}: rank ${rank || 'none'}`);
  }
  const a = m.answerable || 1;
  return { metrics: { ...m, hitAt1: m.hitAt1 / a, hitAt3: m.hitAt3 / a, mrr: m.mrr / a }, ranks, misses, kinds };
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--')) ?? PROBE_FILE;
  const kb = loadKnowledge();
  if (args.includes('--check')) {
    const bad = uncheckedEvidence(kb, readQaSet(file));
    if (bad.length) console.log(`evidence not found in any passage of the expected documents:\n  ${bad.join('\n  ')}`);
    else console.log('evidence check: every evidence string is in a passage of an expected document');
  }
  const format = (label: string, r: ProbeResult) =>
    [
      `${label} (${r.metrics.answerable + r.metrics.noAnswer} questions: ${r.metrics.answerable} answerable, ${r.metrics.noAnswer} expect no answer)`,
      `  hit@1 ${r.metrics.hitAt1.toFixed(3)}  hit@3 ${r.metrics.hitAt3.toFixed(3)}  MRR ${r.metrics.mrr.toFixed(3)}`,
      `  declines correct ${r.metrics.declinedCorrectly}/${r.metrics.noAnswer}  answerable wrongly declined ${r.metrics.wronglyDeclined}`,
    ].join('\n');
  const all = runProbe(kb, file);
  console.log(format('probe', all));
  if (all.misses.length) console.log(`  not at rank 1: ${all.misses.join('; ')}`);
  for (const split of ['tune', 'holdout'] as const) {
    const r = runProbe(kb, file, split);
    if (r.metrics.answerable + r.metrics.noAnswer) console.log(format(`  ${split}`, r).replace(/\n/g, '\n  '));
  }
  if (args.includes('--kinds')) {
    for (const [k, v] of [...all.kinds].sort()) console.log(`  ${k.padEnd(12)} ${v.hit3}/${v.n}`);
  }
}

if (require.main === module) main();
