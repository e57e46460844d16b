/**
 * Whole-phrase matching for short, typed requests ("services a dad who wants to stop",
 * "compare out of hours"): case, apostrophes and punctuation ignored, phrases matched as whole
 * words. Shared by the services and escalation lookups.
 */

/** Lower-case words joined by single spaces: "Doesn't speak  English!" → "doesnt speak english". */
export function normalisePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The number of words of the longest phrase found in the text as whole words; 0 if none. */
export function longestPhraseIn(text: string, phrases: readonly string[]): number {
  const padded = ` ${normalisePhrase(text)} `;
  let best = 0;
  for (const p of phrases) {
    const n = normalisePhrase(p);
    if (n && padded.includes(` ${n} `)) best = Math.max(best, n.split(' ').length);
  }
  return best;
}

/** True when the whole text, normalised, is one of the phrases. */
export function isOneOf(text: string, phrases: readonly string[]): boolean {
  const n = normalisePhrase(text);
  return n !== '' && phrases.some((p) => normalisePhrase(p) === n);
}

/** An id as words: "male-victims" → "male victims". */
export function idWords(id: string): string {
  return id.replace(/-/g, ' ');
}
