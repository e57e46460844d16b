import { orderQuestion, readQuestion, TUNING, type ReadQuestion } from '../../knowledge/search/answer-question';
import type { KnowledgeBase } from '../../knowledge/search/load-knowledge';
import { reweigh, type FusionWeights } from '../../knowledge/search/rank-passages';
import { hitRank } from './score-qa';
import type { EvalSet, QaLine } from './sets';

/**
 * Fitting how the ranking weighs its evidence (FUSION), on data. Each answerable question is read
 * and its candidates' evidence kept once; a trial weighting only scores that evidence again and
 * puts it in the order the bot shows, so hundreds of weightings are tried in seconds.
 */
export interface PreparedQuestion {
  set: string;
  line: QaLine;
  read: ReadQuestion;
}

export function prepareQuestions(kb: KnowledgeBase, sets: EvalSet<QaLine>[], vectors: Map<string, Float32Array>): PreparedQuestion[] {
  const out: PreparedQuestion[] = [];
  for (const set of sets) {
    for (const line of set.lines) {
      if (line.expectNoAnswer) continue;
      const read = readQuestion(kb, line.q, { authority: line.authority, queryVector: vectors.get(line.q), outOfScopeCheck: false });
      if (!('early' in read)) out.push({ set: set.name, line, read });
    }
  }
  return out;
}

/** Rank (1-based, 0 when not shown) of the first shown passage that answers, under a weighting. */
function rankUnder(kb: KnowledgeBase, p: PreparedQuestion, fusion: FusionWeights): number {
  const { shown } = orderQuestion(kb, p.read, reweigh(p.read.scored, fusion), TUNING.decision);
  return hitRank(
    p.line,
    shown.map((s) => ({ docId: s.passage.docId, text: s.passage.display })),
  );
}

/** Ranking quality: hit@1 and hit@3 averaged, each set counting the same however many questions it has. */
export function quality(kb: KnowledgeBase, questions: PreparedQuestion[], fusion: FusionWeights): number {
  const bySet = new Map<string, { n: number; sum: number }>();
  for (const p of questions) {
    const rank = rankUnder(kb, p, fusion);
    const s = bySet.get(p.set) ?? { n: 0, sum: 0 };
    s.n++;
    s.sum += ((rank === 1 ? 1 : 0) + (rank >= 1 && rank <= 3 ? 1 : 0)) / 2;
    bySet.set(p.set, s);
  }
  const sets = [...bySet.values()];
  return sets.reduce((t, s) => t + s.sum / s.n, 0) / Math.max(1, sets.length);
}

/**
 * The values each weight may take. Coverage stays as it is: it anchors the scale (the order is
 * the same when every lexical weight is multiplied alike), and the others are fitted beside it.
 */
const GRID: Partial<Record<keyof FusionWeights, number[]>> = {
  lunr: [0, 0.1, 0.2, 0.35, 0.5, 0.7],
  title: [0, 0.1, 0.2, 0.3, 0.45],
  phrase: [0, 0.05, 0.1, 0.2, 0.3],
  shape: [0.5, 0.75, 1, 1.25, 1.5],
  meaning: [0.15, 0.3, 0.45, 0.6, 0.8],
  meaningFloor: [0, 0.1, 0.2, 0.3],
  authority: [0.5, 0.75, 1, 1.25, 1.5],
};

/**
 * Coordinate search from `start`: each weight in turn takes the grid value that most improves
 * quality (a change must gain at least `minGain`), until a round changes nothing.
 */
export function fitFusion(kb: KnowledgeBase, questions: PreparedQuestion[], start: FusionWeights, minGain = 0.002): { fusion: FusionWeights; quality: number } {
  let best = { fusion: start, quality: quality(kb, questions, start) };
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (const [key, values] of Object.entries(GRID) as [keyof FusionWeights, number[]][]) {
      for (const v of values) {
        if (v === best.fusion[key]) continue;
        const fusion = { ...best.fusion, [key]: v };
        const q = quality(kb, questions, fusion);
        if (q > best.quality + minGain) {
          best = { fusion, quality: q };
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return best;
}

/**
 * How well a fit carries to sets it never saw: the sets are dealt into `folds` groups; each group
 * is scored with the weights fitted on the others, beside the weights in use.
 */
export function crossValidate(
  kb: KnowledgeBase,
  questions: PreparedQuestion[],
  start: FusionWeights,
  folds = 5,
): { inUse: number; fitted: number; perFold: { held: string[]; inUse: number; fitted: number; fusion: FusionWeights }[] } {
  const names = [...new Set(questions.map((p) => p.set))].sort();
  const perFold = [];
  for (let k = 0; k < folds; k++) {
    const held = names.filter((_n, i) => i % folds === k);
    const train = questions.filter((p) => !held.includes(p.set));
    const test = questions.filter((p) => held.includes(p.set));
    if (!test.length || !train.length) continue;
    const { fusion } = fitFusion(kb, train, start);
    perFold.push({ held, inUse: quality(kb, test, start), fitted: quality(kb, test, fusion), fusion });
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return { inUse: mean(perFold.map((f) => f.inUse)), fitted: mean(perFold.map((f) => f.fitted)), perFold };
}
