import type { TriageKnowledge } from './types';

/**
 * Case notes write people as capitals: "M rang", "F's new partner", "MGM has the kids". Both
 * readers see the words instead ("mum rang"), so the patterns and the examples need no capital
 * forms. Only a capital standing alone is read this way: "M&S" and "F1" stay as written.
 * Contractions typed without the apostrophe ("hes got a knife", "dont") get it back, in any case,
 * also just inside a quotation ("texted 'hes here'"). Chat spellings typed fast ("n", "kickin", "nife") are
 * read as the words.
 */
const expanders = new WeakMap<TriageKnowledge, (text: string) => string>();

export function expandShorthand(tk: TriageKnowledge, text: string): string {
  let expand = expanders.get(tk);
  if (!expand) {
    const map = tk.reading.shorthand ?? {};
    const forms = Object.keys(map).sort((a, b) => b.length - a.length);
    const re = forms.length ? new RegExp(`(?<![\\p{L}\\p{N}&'./-])(?:${forms.join('|')})(?![\\p{L}\\p{N}&/-]|\\.\\p{L})`, 'gu') : undefined;
    const contractions = tk.reading.contractions ?? {};
    const bare = Object.keys(contractions);
    // Not inside a word ("o'hes"), but after an opening quote ("texted 'hes here'").
    const cre = bare.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?<![\\p{L}\\p{N}]['’])(?:${bare.join('|')})(?![\\p{L}\\p{N}'’])`, 'giu') : undefined;
    const restore = (t: string) => (cre ? t.replace(cre, (m) => contractions[m.toLowerCase()] ?? m) : t);
    const chat = tk.reading.chat ?? {};
    // Lower case, or capitalised at the start of a sentence when longer than two letters: a capital
    // standing alone is an initial ("N (9)", "W said"), not "n" for "and".
    const typed = Object.keys(chat).flatMap((w) => (w.length > 2 ? [w, w[0]!.toUpperCase() + w.slice(1)] : [w]));
    // A whole word, not part of a contraction, number or shorthand ("n" in "n/a", "m" in "5m" or "I'm").
    const chre = typed.length ? new RegExp(`(?<![\\p{L}\\p{N}'’&/.-])(?:${typed.join('|')})(?![\\p{L}\\p{N}'’&/-])`, 'gu') : undefined;
    const spell = (t: string) => (chre ? t.replace(chre, (m) => chat[m.toLowerCase()] ?? m) : t);
    expand = (t) => spell(restore(re ? t.replace(re, (m) => map[m] ?? m) : t));
    expanders.set(tk, expand);
  }
  return expand(text);
}
