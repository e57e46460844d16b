import type { CompiledContact } from './triage/types';
import type { DocumentMeta, Passage } from './types';
import type { GlossaryEntry, Messages, OutOfScope, Typing } from './schemas/data-files';

/** What the build writes next to the serialized index (knowledge.json), read by the search runtime. */
export interface StoredPassage extends Passage {
  /** Analyzed terms of the text, in order (for coverage and phrase checks at query time). */
  terms: string[];
  /** Analyzed terms of the section path. */
  sectionTerms: string[];
}

export interface StoredAuthority {
  id: string;
  name: string;
  aliases: string[];
  /** True when at least one document speaks for this authority. */
  covered: boolean;
  /** The authority's contacts from knowledge/authorities/<id>.yaml, each with its citations. */
  contacts: CompiledContact[];
}

export interface KnowledgeStore {
  version: 1;
  stamp: string;
  documents: DocumentMeta[];
  passages: StoredPassage[];
  authorities: StoredAuthority[];
  otherAuthorities: { name: string; matchCase: boolean }[];
  /** Staff questions that belong elsewhere, and where to ask (knowledge/out-of-scope.yaml). */
  outOfScope: OutOfScope['topics'];
  glossary: GlossaryEntry[];
  synonyms: string[][];
  weakWords: string[];
  typing: Typing;
  superseded: { pattern: string; note: string; issuedBefore?: string }[];
  messages: Messages;
}

export const STORE_FILE = 'knowledge.json';
export const INDEX_FILE = 'index.json';
export const STAMP_FILE = 'stamp';
/** Passage vectors (meaning-table .bin + .json), one owner per passage in store order. */
export const PASSAGE_MEANING = 'passage-meaning';
/** Vectors of the triage indicators' plain-language examples, one owner per indicator in triage.json order. */
export const INDICATOR_MEANING = 'indicator-meaning';
