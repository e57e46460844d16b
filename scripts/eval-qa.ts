import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { sharedDir } from '../knowledge/paths';
import { answerQuestion, loadKnowledge, type KnowledgeBase } from '../knowledge/search';

/**
 * Scores ../shared/eval/qa-dev.jsonl by the README's rule, in process with the same engine as
 * `npm run ask`: a question is answered at rank k when the k-th result is from an expected
 * document and its text contains an evidence string (lower-cased; whitespace, dashes and
 * quotes folded).
 */
const qaLineSchema = z.object({
  id: z.string(),
  q: z.string(),
  authority: z.string().optional(),
  doc: z.union([z.string(), z.array(z.string())]).optional(),
  evidence: z.array(z.string()).default([]),
  expectNoAnswer: z.boolean().optional(),
});
export type QaLine = z.infer<typeof qaLineSchema>;

export interface QaMetrics {
  answerable: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  noAnswer: number;
  declinedCorrectly: number;
  wronglyDeclined: number;
}

export function foldForMatch(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212-]+/g, '-')
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export function readQaSet(file: string): QaLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const r = qaLineSchema.safeParse(JSON.parse(l));
      if (!r.success) throw new Error(`${file}:${i + 1}: ${r.error.issues[0]!.message}`);
      return r.data;
    });
}

/** Rank (1-based) of the first result that carries the evidence, or 0. */
export function hitRank(kb: KnowledgeBase, line: QaLine, results: { docId: string; text: string }[]): number {
  const docs = Array.isArray(line.doc) ? line.doc : line.doc ? [line.doc] : [];
  const evidence = line.evidence.map(foldForMatch);
  void kb;
  const i = results.findIndex((r) => docs.includes(r.docId) && evidence.some((e) => foldForMatch(r.text).includes(e)));
  return i + 1;
}

export async function evaluateQa(file = join(sharedDir, 'eval', 'qa-dev.jsonl')): Promise<{ report: string; metrics: QaMetrics; misses: string[] }> {
  const kb = loadKnowledge();
  const lines = readQaSet(file);
  const m: QaMetrics = { answerable: 0, hitAt1: 0, hitAt3: 0, mrr: 0, noAnswer: 0, declinedCorrectly: 0, wronglyDeclined: 0 };
  const misses: string[] = [];
  for (const line of lines) {
    const result = answerQuestion(kb, line.q, { authority: line.authority });
    if (line.expectNoAnswer) {
      m.noAnswer++;
      if (!result.answered) m.declinedCorrectly++;
      else misses.push(`${line.id}: answered but should decline`);
      continue;
    }
    m.answerable++;
    if (!result.answered) {
      m.wronglyDeclined++;
      misses.push(`${line.id}: declined (${result.decline?.reason})`);
      continue;
    }
    const rank = hitRank(kb, line, result.results.map((r) => ({ docId: r.citation.docId, text: r.passage.display })));
    if (rank === 1) m.hitAt1++;
    if (rank >= 1 && rank <= 3) m.hitAt3++;
    if (rank >= 1) m.mrr += 1 / rank;
    if (rank !== 1) misses.push(`${line.id}: rank ${rank || 'none'}`);
  }
  const a = m.answerable || 1;
  const report = [
    `qa (${lines.length} questions: ${m.answerable} answerable, ${m.noAnswer} expect no answer)`,
    `  hit@1 ${(m.hitAt1 / a).toFixed(3)}  hit@3 ${(m.hitAt3 / a).toFixed(3)}  MRR ${(m.mrr / a).toFixed(3)}`,
    `  declines correct ${m.declinedCorrectly}/${m.noAnswer}  answerable wrongly declined ${m.wronglyDeclined}`,
    ...(misses.length ? [`  not at rank 1: ${misses.join('; ')}`] : []),
  ].join('\n');
  return { report, metrics: { ...m, hitAt1: m.hitAt1 / a, hitAt3: m.hitAt3 / a, mrr: m.mrr / a }, misses };
}
