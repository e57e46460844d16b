import type { Typing } from '../schemas/data-files';

/**
 * Rewrite the way people type (shorthand, contractions without apostrophes) into the words the
 * documents use, whole words only and case-insensitively. The result is for searching and
 * encoding; what the user wrote is never shown changed.
 */
export type TypingRewriter = (text: string) => string;

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A number typed against its unit ("16yo", "20wks", "3mths"): the two words, so each is searched. */
const GLUED_UNIT = /(?<![\p{L}\p{N}])(\d{1,3})(yo|y\/o|yrs?|wks?|mths?|mos|hrs?|pm|am)(?![\p{L}\p{N}])/giu;

/** A clock time ("9pm", "9.30 pm", "2am"); the hour says whether offices are open. */
const CLOCK_TIME = /(?<![\p{L}\p{N}])(\d{1,2})(?:[:.]\d{2})?\s*(am|pm)(?![\p{L}\p{N}])/giu;
/** Evening and night: from 6pm to before 8am. */
const isNight = (hour: number, half: string) => (half.toLowerCase() === 'pm' ? hour >= 6 && hour < 12 : hour === 12 || hour < 8);

/**
 * Contractions typed with their apostrophe ("he'll", "I'd", "wouldn't"): the words in full, so
 * that "he'll" is not read as "hell". Those typed without one are data (typing.yaml).
 */
const CONTRACTION = /(?<=\p{L})['’](ll|d|ve|re|m)(?![\p{L}\p{N}])/giu;
const CONTRACTION_WORDS: Record<string, string> = { ll: ' will', d: ' would', ve: ' have', re: ' are', m: ' am' };
const NEGATION = /(?<![\p{L}\p{N}])(\p{L}+)n['’]t(?![\p{L}\p{N}])/giu;
const NEGATION_IRREGULAR: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall' };

/** Two words joined by a slash ("epo/ppo", "cin/cp"): split, so each is rewritten and searched ("w/e" and "y/o" stay). */
const SLASHED_WORDS = /(?<=\p{L}{2})\/(?=\p{L}{2})/gu;

export function typingRewriter(typing: Typing): TypingRewriter {
  const map = new Map<string, string>([
    ...Object.entries(typing.contractions),
    ...Object.entries(typing.abbreviations),
    ...Object.entries(typing.phrases ?? {}),
  ]);
  const forms = [...map.keys()].sort((a, b) => b.length - a.length).map(escapeRe);
  // Not inside a word ("o'hes", "&", "w/e"), but just after an opening quote ("texted 'hes here'").
  const re = forms.length ? new RegExp(`(?<![\\p{L}\\p{N}&/])(?<![\\p{L}\\p{N}]['’])(?:${forms.join('|')})(?![\\p{L}\\p{N}&/'’])`, 'giu') : undefined;
  const night = typing.nightTime;
  return (text) => {
    // A clock time is when the asker needs it, not a topic: at night it is the out-of-hours route;
    // by day nothing the documents say depends on it.
    const timed = night ? text.replace(CLOCK_TIME, (_m, h: string, half: string) => (isNight(Number(h), half) ? night : '')) : text;
    const split = timed.replace(GLUED_UNIT, '$1 $2').replace(SLASHED_WORDS, ' / ');
    const rewritten = re ? split.replace(re, (m) => map.get(m.toLowerCase()) ?? m) : split;
    // After the data's phrases, which may hold a contraction ("can't agree" → disagree).
    return rewritten
      .replace(CONTRACTION, (_m, c: string) => CONTRACTION_WORDS[c.toLowerCase()] ?? '')
      .replace(NEGATION, (_m, w: string) => `${NEGATION_IRREGULAR[w.toLowerCase()] ?? w} not`);
  };
}
