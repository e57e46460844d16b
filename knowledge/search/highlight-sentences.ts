import { analyze } from '../text/analyzer';
import type { Concept } from './expand-query';
import { satisfied, shapeOf } from './rank-passages';
import { splitSentences } from '../text/sentences';

export function highlightSentences(display: string, concepts: readonly Concept[], max = 2): string[] {
  const sentences = splitSentences(display);
  const scores = sentences.map((s) => {
    const terms = new Set(analyze(s));
    const shape = shapeOf(s);
    return concepts.reduce((sum, c) => sum + satisfied(c, terms, shape) * c.weight, 0);
  });
  const best = Math.max(0, ...scores);
  if (best === 0) return [];
  const picked = sentences.map((s, i) => ({ s, i, score: scores[i]! })).filter((x) => x.score >= best * 0.8);
  return picked
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.s);
}
