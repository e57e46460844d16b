import { analyze } from '../../knowledge/text/analyzer';
import type { ChampionAnswer } from './store';

/**
 * Which champion answer, if any, a new question is about: a plain lexical match on the
 * search's own index terms (stop words out, stemmed), so "who chairs MARAC meetings" finds an
 * answer to "who chairs the MARAC meeting". Redaction placeholders ([name], [date] …) count for
 * nothing. Strict on purpose: a champion's advice is shown only beside the question it answered.
 */

/** Share of the two questions' terms in common (Jaccard), and the fewest shared terms, for a match. */
export const MIN_OVERLAP = 0.5;
export const MIN_SHARED = 2;

function termsOf(text: string): Set<string> {
  return new Set(analyze(text.replace(/\[[a-z]+\]/g, ' ')));
}

export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): { shared: number; score: number } {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return { shared, score: union === 0 ? 0 : shared / union };
}

/** The best-matching champion answer for `question` (the latest on a tie), or none. */
export function matchChampionAnswer(question: string, answers: readonly ChampionAnswer[]): ChampionAnswer | undefined {
  const asked = termsOf(question);
  let best: { answer: ChampionAnswer; score: number } | undefined;
  for (const answer of answers) {
    const { shared, score } = overlap(asked, termsOf(answer.question));
    if (shared >= MIN_SHARED && score >= MIN_OVERLAP && (!best || score >= best.score)) best = { answer, score };
  }
  return best?.answer;
}
