import { oneEditApart } from './edit-distance';

/**
 * An acronym typed with one letter wrong ("mamba" for MAMDA, "marak" for MARAC): the acronym.
 * Only acronyms of five letters or more, only a word no document uses, and only with the first
 * letter right: shorter acronyms are one letter from everyday words ("cash" and DASH).
 */
export const ACRONYM_TYPO_MIN = 5;

export function acronymTypoFixer(acronyms: readonly string[], known: (word: string) => boolean): (text: string) => string {
  const targets = acronyms.filter((a) => /^[A-Z]+$/.test(a) && a.length >= ACRONYM_TYPO_MIN).map((a) => ({ acronym: a, lower: a.toLowerCase() }));
  if (!targets.length) return (text) => text;
  return (text) =>
    text.replace(/(?<![\p{L}\p{N}])\p{Ll}{5,8}(?![\p{L}\p{N}])/gu, (w) => {
      if (known(w)) return w;
      const hit = targets.find((t) => t.lower[0] === w[0] && t.lower !== w && oneEditApart(w, t.lower));
      return hit ? hit.acronym : w;
    });
}
