import { titleText } from '../text/analyzer';
import { splitSentences } from '../text/sentences';
import type { Passage } from '../types';

/** Shorter pieces say little on their own ("• Tel:"), and longer ones blur several topics. */
const MIN_SENTENCE = 12;
const MAX_UNIT = 600;

/**
 * What stands for a passage when meaning is compared: the passage as a whole and each of its
 * sentences, every one prefixed by its section's title (a sentence often only makes sense
 * under its heading: "Tel: 020 …" under "MARAC coordinator"). A question usually matches one
 * sentence better than a whole passage.
 */
export function passageUnits(p: Pick<Passage, 'display' | 'sectionPath'>): string[] {
  const title = titleText(p.sectionPath[p.sectionPath.length - 1] ?? '');
  const prefix = title ? `${title}: ` : '';
  const units = [`${prefix}${p.display}`.slice(0, MAX_UNIT)];
  const sentences = splitSentences(p.display).filter((s) => s.replace(/[^\p{L}]/gu, '').length >= MIN_SENTENCE);
  if (sentences.length > 1) for (const s of sentences) units.push(`${prefix}${s}`.slice(0, MAX_UNIT));
  return units;
}
