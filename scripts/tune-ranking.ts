import { answerQuestion, loadKnowledge, type KnowledgeBase } from '../knowledge/search';
import { normaliseQuestion, questionSignals, TUNING, type AnswerTuning } from '../knowledge/search/answer-question';
import { decisionFeatures, evidenceFor, type AnswerSignals, type DecisionModel } from '../knowledge/search/decide-confidence';
import type { FusionWeights } from '../knowledge/search/rank-passages';
import { loadUseLiteEncoder } from '../knowledge/meaning/use-lite-encoder';
import { crossValidate, fitFusion, prepareQuestions, quality } from './eval/fit-fusion';
import { hitRank } from './eval/score-qa';
import { qaSets, type EvalSet, type QaLine } from './eval/sets';

/**
 * `npm run tune`: fits the ranking and the decision to answer on data, and prints what it chose
 * beside what is in use (copy the chosen values into FUSION and DECISION):
 * 1. fusion weights (meaning beside the lexical evidence, and the authority preference), on the dev
 *    and calibration sets, every question answered, with a held-out figure (skipped with `--decision-only`);
 * 2. the decision's weights, a class-balanced logistic regression (answerable against
 *    must-decline questions) on the dev sets, each set counting the same (`--lines-only` keeps
 *    the weights in use);
 * 3. the `maybe` and `sure` lines, on the calibration sets alone: `maybe` the highest line that
 *    declines at most 1 in 25 answerable questions; `sure` at 9 in 10 found.
 * Frozen sets are never read.
 */
const ALWAYS_ANSWER: DecisionModel = {
  ...TUNING.decision,
  bias: 1,
  weights: { coverage: 0, lexicalSure: 0, meaning: 0, unseen: 0, factMissing: 0, unseenMeaning: 0 },
  sure: 0,
  maybe: 0,
};

type Vectors = Map<string, Float32Array>;

async function encodeQuestions(kb: KnowledgeBase, sets: EvalSet<QaLine>[]): Promise<Vectors> {
  const encoder = await loadUseLiteEncoder();
  const qs = [...new Set(sets.flatMap((s) => s.lines.map((l) => l.q)))];
  const vs = await encoder.encode(qs.map((q) => normaliseQuestion(kb, q)));
  return new Map(qs.map((q, i) => [q, vs[i]!]));
}

/**
 * The fusion weights, fitted on the dev and calibration sets by a coordinate search over their
 * evidence (scripts/eval/fit-fusion.ts). The figure that tells whether a fit carries to wording it
 * never saw is printed first: the sets dealt into five groups, each scored with the weights fitted
 * on the other four, beside the weights in use.
 */
function tuneFusion(kb: KnowledgeBase, sets: EvalSet<QaLine>[], vectors: Vectors): FusionWeights {
  const questions = prepareQuestions(kb, sets, vectors);
  console.log(
    `fusion in use ${JSON.stringify(TUNING.fusion)}: ranking quality ${quality(kb, questions, TUNING.fusion).toFixed(4)} on ${questions.length} questions`,
  );
  const lexical = quality(kb, questions, { ...TUNING.fusion, meaning: 0 });
  console.log(`lexical evidence alone: ranking quality ${lexical.toFixed(4)}`);
  const cv = crossValidate(kb, questions, TUNING.fusion);
  console.log(`held out (five groups of sets): in use ${cv.inUse.toFixed(4)}, fitted on the others ${cv.fitted.toFixed(4)}`);
  const best = fitFusion(kb, questions, TUNING.fusion);
  console.log(`chosen fusion ${JSON.stringify(best.fusion)}: ranking quality ${best.quality.toFixed(4)}`);
  if (cv.fitted <= cv.inUse) console.log('  (the fit does not beat the weights in use on held-out sets: keep those)');
  return best.fusion;
}

const FEATURES = Object.keys(TUNING.decision.weights) as (keyof DecisionModel['weights'])[];
const featuresOf = (s: AnswerSignals) => {
  const x = decisionFeatures(s);
  return FEATURES.map((f) => x[f]);
};

/**
 * Logistic regression with a little L2, by gradient descent; every example has a weight, and the
 * two classes weigh the same in total.
 */
function fitLogistic(xs: number[][], ys: number[], sampleWeights: number[]): { bias: number; weights: number[] } {
  const total = (y: number) => ys.reduce((s, v, i) => s + (v === y ? sampleWeights[i]! : 0), 0);
  const pos = total(1);
  const neg = total(0);
  const cw = (y: number, i: number) => sampleWeights[i]! * (y === 1 ? ys.length / (2 * pos) : ys.length / (2 * neg));
  let b = 0;
  const w = new Array<number>(xs[0]!.length).fill(0);
  for (let it = 0; it < 20000; it++) {
    let gb = 0;
    const gw = new Array<number>(w.length).fill(0);
    xs.forEach((x, i) => {
      const z = b + x.reduce((s, v, j) => s + v * w[j]!, 0);
      const err = (1 / (1 + Math.exp(-z)) - ys[i]!) * cw(ys[i]!, i);
      gb += err;
      x.forEach((v, j) => (gw[j]! += err * v));
    });
    b -= (0.5 * gb) / xs.length;
    w.forEach((_v, j) => (w[j]! -= 0.5 * (gw[j]! / xs.length + 0.001 * w[j]!)));
  }
  return { bias: b, weights: w };
}

function signalsOf(
  kb: KnowledgeBase,
  lines: QaLine[],
  vectors: Vectors,
  tuning: AnswerTuning,
  outOfScopeCheck = true,
): { line: QaLine; signals: AnswerSignals }[] {
  return lines.flatMap((line) => {
    const signals = questionSignals(kb, line.q, { authority: line.authority, queryVector: vectors.get(line.q), outOfScopeCheck }, tuning);
    return signals ? [{ line, signals }] : [];
  });
}

async function main(): Promise<void> {
  const kb = loadKnowledge();
  const dev = qaSets('dev');
  const calibrationSets = qaSets('calibration');
  if (calibrationSets.length === 0) throw new Error('no calibration set in eval/calibration');
  const calibration = { name: 'calibration', lines: calibrationSets.flatMap((s) => s.lines) };
  const vectors = await encodeQuestions(kb, [...dev, ...calibrationSets]);

  // `--decision-only`: keep the fusion in use and refit the decision alone (the fusion grid takes minutes).
  // The fusion is fitted on the dev and calibration sets together, each set counting the same: the
  // calibration batches are the natural-voice wording nobody tuned the vocabulary for.
  const fusion = process.argv.includes('--decision-only') ? TUNING.fusion : tuneFusion(kb, [...dev, ...calibrationSets], vectors);

  // Each dev set counts the same, however many questions it has.
  // Fitted on the dev sets, with staff-admin questions ranked rather than declined at once: the
  // decision must still tell off-topic from on-topic by itself (the out-of-scope list is a
  // shortcut for the commonest kind, not the only guard).
  const fitSets = dev;
  const train = fitSets.flatMap((set) =>
    signalsOf(kb, set.lines, vectors, { fusion, decision: TUNING.decision }, false).map((t) => ({ ...t, weight: 1 / set.lines.length })),
  );
  const fit = fitLogistic(
    train.map((t) => featuresOf(t.signals)),
    train.map((t) => (t.line.expectNoAnswer ? 0 : 1)),
    train.map((t) => (t.weight * train.length) / fitSets.length),
  );
  const round = (x: number) => Math.round(x * 100) / 100;
  // `--lines-only`: keep the weights in use and choose the lines alone.
  const linesOnly = process.argv.includes('--lines-only');
  const weights = linesOnly ? TUNING.decision.weights : (Object.fromEntries(FEATURES.map((f, j) => [f, round(fit.weights[j]!)])) as DecisionModel['weights']);
  const model: DecisionModel = { ...TUNING.decision, bias: linesOnly ? TUNING.decision.bias : round(fit.bias), weights, sure: 0, maybe: 0 };

  const cal = signalsOf(kb, calibration.lines, vectors, { fusion, decision: model }).map((c) => ({ ...c, evidence: evidenceFor(c.signals, model) }));
  const mustDecline = calibration.lines.filter((l) => l.expectNoAnswer).length;
  const answerable = cal.filter((c) => !c.line.expectNoAnswer);
  const declines = cal.filter((c) => c.line.expectNoAnswer).map((c) => c.evidence);
  // Declined before ranking (another council named) are declined at any line.
  const early = mustDecline - declines.length;
  // `maybe`: the highest line at which at most 1 in 25 answerable questions is declined (a wrong
  // decline tells the user "the bot doesn't know" and they stop asking; below the line a
  // must-decline question gets the nearest passages under "these may not answer your question").
  // Staff-admin and other-council questions are declined before this line is reached.
  const MAX_FALSE_DECLINE_SHARE = 0.04;
  const lines = [...new Set(cal.map((c) => round(c.evidence + 0.005)))].sort((a, b) => a - b);
  const falseDeclines = (line: number) => answerable.filter((c) => c.evidence < line).length;
  const maybe = lines.filter((line) => falseDeclines(line) <= MAX_FALSE_DECLINE_SHARE * answerable.length).pop() ?? lines[0]!;
  // `sure`: the lowest line above which at least 9 in 10 calibration questions are answerable and
  // answered within the top three passages.
  const found = new Set(
    answerable
      .filter((c) => {
        const r = answerQuestion(kb, c.line.q, { authority: c.line.authority, queryVector: vectors.get(c.line.q) }, { fusion, decision: ALWAYS_ANSWER });
        const rank = hitRank(
          c.line,
          r.results.map((x) => ({ docId: x.citation.docId, text: x.passage.display })),
        );
        return rank >= 1 && rank <= 3;
      })
      .map((c) => c.line.id),
  );
  const precision = (line: number) => {
    const above = cal.filter((c) => c.evidence >= line);
    return above.length ? above.filter((c) => found.has(c.line.id)).length / above.length : 1;
  };
  const sure = lines.find((line) => line >= maybe && precision(line) >= 0.9) ?? round(Math.max(...declines) + 0.005);
  console.log(`decision weights fitted on ${train.length} dev questions: bias ${model.bias} ${JSON.stringify(weights)}`);
  console.log('calibration trade-off (line: answerable answered, must-decline declined):');
  for (const line of lines.filter((_l, i) => i % 6 === 0)) {
    console.log(
      `  ${line.toFixed(2)}: ${answerable.filter((c) => c.evidence >= line).length}/${answerable.length}, ${early + declines.filter((d) => d < line).length}/${mustDecline}`,
    );
  }
  console.log(
    `chosen lines: maybe ${maybe} (answers ${answerable.filter((c) => c.evidence >= maybe).length}/${answerable.length}, declines ${early + declines.filter((d) => d < maybe).length}/${mustDecline}), sure ${sure} (${answerable.filter((c) => c.evidence >= sure).length} answered plainly)`,
  );
  console.log(`\nin use:\n  FUSION = ${JSON.stringify(TUNING.fusion)}\n  DECISION = ${JSON.stringify(TUNING.decision)}`);
  console.log(`chosen:\n  FUSION = ${JSON.stringify(fusion)}\n  DECISION = ${JSON.stringify({ ...model, maybe, sure })}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
