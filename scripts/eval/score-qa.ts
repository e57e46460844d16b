import type { QaLine } from './sets';

/**
 * The contract's scoring rule for policy answers (../shared/eval/README.md): a question is
 * answered at rank k when the k-th result is from an expected document and its text contains
 * an evidence string, compared lower-cased with whitespace, dashes, quotes and table-cell
 * separators folded.
 */
export interface QaResultLike {
  answered: boolean;
  results: { docId: string; text: string }[];
}

/** Anything that answers a question the way the contract's `ask` does. */
export type Answerer = (q: string, authority: string | undefined) => QaResultLike | Promise<QaResultLike>;

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
    .replace(/[|\t]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function docsOf(line: QaLine): string[] {
  return Array.isArray(line.doc) ? line.doc : line.doc ? [line.doc] : [];
}

/** Rank (1-based) of the first result that carries the evidence, or 0. */
export function hitRank(line: QaLine, results: QaResultLike['results']): number {
  const docs = docsOf(line);
  const evidence = line.evidence.map(foldForMatch);
  return results.findIndex((r) => docs.includes(r.docId) && evidence.some((e) => foldForMatch(r.text).includes(e))) + 1;
}

/** Evidence strings that no passage of an expected document contains (authoring errors in a set). */
export function unfoundEvidence(lines: QaLine[], passages: { docId: string; display: string }[]): string[] {
  const bad: string[] = [];
  for (const line of lines) {
    if (line.expectNoAnswer) continue;
    const texts = passages.filter((p) => docsOf(line).includes(p.docId)).map((p) => foldForMatch(p.display));
    for (const e of line.evidence) if (!texts.some((t) => t.includes(foldForMatch(e)))) bad.push(`${line.id}: "${e}"`);
  }
  return bad;
}

export interface QaScore {
  metrics: QaMetrics;
  /** id → rank (0 = not in results, -1 = wrongly declined, -2 = answered but should decline, 1 = declined correctly). */
  ranks: Map<string, number>;
}

export async function scoreQa(lines: QaLine[], answer: Answerer): Promise<QaScore> {
  const m: QaMetrics = { answerable: 0, hitAt1: 0, hitAt3: 0, mrr: 0, noAnswer: 0, declinedCorrectly: 0, wronglyDeclined: 0 };
  const ranks = new Map<string, number>();
  for (const line of lines) {
    const result = await answer(line.q, line.authority);
    if (line.expectNoAnswer) {
      m.noAnswer++;
      if (!result.answered) m.declinedCorrectly++;
      ranks.set(line.id, result.answered ? -2 : 1);
      continue;
    }
    m.answerable++;
    if (!result.answered) {
      m.wronglyDeclined++;
      ranks.set(line.id, -1);
      continue;
    }
    const rank = hitRank(line, result.results);
    ranks.set(line.id, rank);
    if (rank === 1) m.hitAt1++;
    if (rank >= 1 && rank <= 3) m.hitAt3++;
    if (rank >= 1) m.mrr += 1 / rank;
  }
  const a = m.answerable || 1;
  return { metrics: { ...m, hitAt1: m.hitAt1 / a, hitAt3: m.hitAt3 / a, mrr: m.mrr / a }, ranks };
}

/** One line of figures: hit@1, hit@3, MRR, declines. */
export function formatQa(m: QaMetrics): string {
  return `hit@1 ${m.hitAt1.toFixed(3)}  hit@3 ${m.hitAt3.toFixed(3)}  MRR ${m.mrr.toFixed(3)}  declined correctly ${m.declinedCorrectly}/${m.noAnswer}  answerable declined ${m.wronglyDeclined}/${m.answerable}`;
}

/** Misses by id only (question text is never printed). */
export function qaMisses(ranks: Map<string, number>): string[] {
  return [...ranks]
    .filter(([, r]) => r !== 1)
    .map(([id, r]) => `${id}: ${r === -1 ? 'declined' : r === -2 ? 'answered, should decline' : r === 0 ? 'not in results' : `rank ${r}`}`);
}
