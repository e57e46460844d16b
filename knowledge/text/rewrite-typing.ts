import type { Typing } from '../build/schemas';

/**
 * Rewrite the way people type (shorthand, contractions without apostrophes) into the words the
 * documents use, whole words only and case-insensitively. The result is for searching and
 * encoding; what the user wrote is never shown changed.
 */
export type TypingRewriter = (text: string) => string;

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function typingRewriter(typing: Typing): TypingRewriter {
  const map = new Map<string, string>([...Object.entries(typing.contractions), ...Object.entries(typing.abbreviations)]);
  if (map.size === 0) return (t) => t;
  const forms = [...map.keys()].sort((a, b) => b.length - a.length).map(escapeRe);
  const re = new RegExp(`(?<![\\p{L}\\p{N}&/'’])(?:${forms.join('|')})(?![\\p{L}\\p{N}&/'’])`, 'giu');
  return (text) => text.replace(re, (m) => map.get(m.toLowerCase()) ?? m);
}
