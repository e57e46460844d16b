import lunr from 'lunr';
import type { Passage } from '../types';
import { lunrTokenizer } from '../text/analyzer';

/**
 * Field boosts: a word in a section title says more about a passage than one in its text. The
 * document's title is not a field: it matches every passage of the document alike.
 */
export const FIELD_BOOSTS = { text: 1, section: 2.5 } as const;
export type IndexField = keyof typeof FIELD_BOOSTS;

/** Build the lunr index over passages. Analysis is done by our tokenizer; pipelines stay empty. */
export function indexPassages(passages: readonly Passage[]): lunr.Index {
  const builder = new lunr.Builder();
  builder.tokenizer = lunrTokenizer as typeof lunr.tokenizer;
  builder.ref('id');
  builder.field('text', { boost: FIELD_BOOSTS.text });
  builder.field('section', { boost: FIELD_BOOSTS.section });
  for (const p of passages) {
    builder.add({ id: p.id, text: p.text, section: p.sectionPath.join(' ') });
  }
  return builder.build();
}
