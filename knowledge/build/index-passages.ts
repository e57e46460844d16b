import lunr from 'lunr';
import type { DocumentMeta, Passage } from '../types';
import { lunrTokenizer } from './analyzer';

/** Field boosts: a word in a section title says more about a passage than one in its text. */
export const FIELD_BOOSTS = { text: 1, section: 2.5, title: 0.5 } as const;
export type IndexField = keyof typeof FIELD_BOOSTS;

/** Build the lunr index over passages. Analysis is done by our tokenizer; pipelines stay empty. */
export function indexPassages(passages: readonly Passage[], docs: ReadonlyMap<string, DocumentMeta>): lunr.Index {
  const builder = new lunr.Builder();
  builder.tokenizer = lunrTokenizer as typeof lunr.tokenizer;
  builder.ref('id');
  builder.field('text', { boost: FIELD_BOOSTS.text });
  builder.field('section', { boost: FIELD_BOOSTS.section });
  builder.field('title', { boost: FIELD_BOOSTS.title });
  for (const p of passages) {
    builder.add({ id: p.id, text: p.text, section: p.sectionPath.join(' '), title: docs.get(p.docId)?.title ?? '' });
  }
  return builder.build();
}
