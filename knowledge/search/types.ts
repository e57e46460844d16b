import type { CompiledContact } from '../triage/types';
import type { Citation, DocumentMeta, Passage } from '../types';

/** One ranked passage with its citation and the sentences that answer the question. */
export interface RankedAnswer {
  passage: Passage;
  citation: Citation;
  score: number;
  /** Sentences of passage.display that answer the question, in passage order. */
  highlights: string[];
}

export type DeclineReason = 'off-topic' | 'uncovered-authority' | 'empty' | 'out-of-scope';

export interface AnswerResult {
  answered: boolean;
  /** Authority used for preference: one named in the question wins over the profile. */
  authority?: string;
  /** Authority ids when the question asks to compare; results then cover each. */
  comparing: string[];
  /** Best first, up to 5. */
  results: RankedAnswer[];
  decline?: { reason: DeclineReason; message: string; covers: string[]; authorityName?: string; pointTo?: string };
  /** Answered, but neither signal is sure the passages answer exactly: the card says so. */
  tentative?: boolean;
  /** On a decline: the nearest passages, offered as "you might mean". */
  nearest?: RankedAnswer[];
  /** For a contact question: the asker's authority's own contacts that answer it, from its contact data. */
  contacts?: CompiledContact[];
  followUps: string[];
  /** Acronyms and terms in the question, explained. */
  glossary?: { term: string; expansion: string; explanation?: string }[];
}

export interface AnswerOptions {
  /** The asker's own authority id (profile). */
  authority?: string;
  /** For review-date warnings; defaults to now. */
  today?: Date;
  /** The question's vector from the sentence encoder; without it, answers use lexical evidence alone. */
  queryVector?: Float32Array;
  /**
   * false: rank a staff-admin question instead of declining it at once. For fitting the decision
   * to answer, which must still tell off-topic from on-topic without the out-of-scope list.
   */
  outOfScopeCheck?: boolean;
}

export interface SearchOptions {
  authority?: string;
  queryVector?: Float32Array;
  skip?: number;
  count?: number;
  today?: Date;
}

export interface LibraryDocument extends DocumentMeta {
  authorityNames: string[];
  sections: { path: string[]; section: string; anchor: string; passages: Passage[] }[];
}
