import type { TriageKnowledge } from './types';

/**
 * Case notes write people as capitals: "M rang", "F's new partner", "MGM has the kids". Both
 * readers see the words instead ("mum rang"), so the patterns and the examples need no capital
 * forms. Only a capital standing alone is read this way: "M&S" and "F1" stay as written.
 */
const expanders = new WeakMap<TriageKnowledge, (text: string) => string>();

export function expandShorthand(tk: TriageKnowledge, text: string): string {
  let expand = expanders.get(tk);
  if (!expand) {
    const map = tk.reading.shorthand ?? {};
    const forms = Object.keys(map).sort((a, b) => b.length - a.length);
    const re = forms.length ? new RegExp(`(?<![\\p{L}\\p{N}&'./-])(?:${forms.join('|')})(?![\\p{L}\\p{N}&/-]|\\.\\p{L})`, 'gu') : undefined;
    expand = re ? (t) => t.replace(re, (m) => map[m] ?? m) : (t) => t;
    expanders.set(tk, expand);
  }
  return expand(text);
}
