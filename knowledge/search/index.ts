/** Search and answer engine: plain data in, plain data out (no Bot Framework here). */
export { loadKnowledge, type KnowledgeBase } from './load-knowledge';
export { answerQuestion, sanitizeQuestion } from './answer-question';
export { searchPassages } from './search-passages';
export { createPolicyAnswerer, type PolicyAnswerer } from './policy-answerer';
export { citePassage, isReviewOverdue } from './cite-passage';
export { glossaryEntries, lookupGlossary, listDocuments, libraryDocuments, coveredAuthorities } from './library';
export type { AnswerOptions, AnswerResult, DeclineReason, LibraryDocument, RankedAnswer, SearchOptions } from './types';
export type { GlossaryEntry } from '../schemas/data-files';
