import type { TriageKnowledge } from '../triage/types';
import { idWords, longestPhraseIn } from './phrase-match';

/**
 * The needs (knowledge/services.yaml) a few everyday words ask for: "a dad who wants to stop" →
 * perpetrator programmes, "somewhere she can just walk in" → drop-in. Each need's words are its
 * `needWords` and its own id; the need with the longest phrase found wins, and needs that tie
 * all count ("deaf and disabled"). Empty when no need's words are there.
 */
export function findNeeds(text: string, tk: Pick<TriageKnowledge, 'needs' | 'needWords'>): string[] {
  const scored = tk.needs.map((n) => ({ id: n.id, score: longestPhraseIn(text, [idWords(n.id), ...(tk.needWords[n.id] ?? [])]) }));
  const top = Math.max(0, ...scored.map((s) => s.score));
  return top === 0 ? [] : scored.filter((s) => s.score === top).map((s) => s.id);
}
