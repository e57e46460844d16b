import { citePassage, createPolicyAnswerer, loadKnowledge, lookupGlossary } from '../knowledge/search';
import type { AnswerResult, GlossaryEntry, KnowledgeBase, RankedAnswer } from '../knowledge/search';
import type { Authority } from '../knowledge/schemas/authority';

/**
 * The bot's only door into the knowledge engine. Everything else in bot/ and cards/ depends on
 * these shapes, so a change in knowledge/search is absorbed here.
 */

export type { AnswerResult, GlossaryEntry, RankedAnswer } from '../knowledge/search';

export interface Engine {
  /** The loaded knowledge, for other read-only views (library tab, message extension). */
  readonly kb: KnowledgeBase;
  /** Every authority in knowledge/authorities/*.yaml, sorted by name. */
  readonly authorities: readonly Authority[];
  /** True once the sentence encoder has loaded; until then answers use lexical evidence alone. */
  readonly meaningReady: boolean;
  readonly meaningStatus: 'loading' | 'ready' | 'unavailable';
  whenReady(): Promise<void>;
  answer(question: string, opts: { authority?: string; today?: Date }): Promise<AnswerResult>;
  search(query: string, opts: { authority?: string; skip?: number; count?: number }): Promise<{ total: number; items: RankedAnswer[] }>;
  /** Glossary entries matching a term, expansion or variant exactly (case-insensitive). */
  glossary(term: string): GlossaryEntry[];
  /** One passage by id, cited, with no highlights (undefined when the library has no such passage). */
  passage(id: string): RankedAnswer | undefined;
}

/** Load the built knowledge once (start-up) and wrap the engine; the encoder loads in the background. */
export function loadEngine(knowledgeDir?: string): Engine {
  const kb = loadKnowledge(knowledgeDir);
  const answerer = createPolicyAnswerer(kb);
  // Read from knowledge/authorities/*.yaml and validated with the authority schema by the knowledge build.
  const authorities: Authority[] = kb.store.authorities.map(({ id, name, aliases }) => ({ id, name, aliases })).sort((a, b) => a.name.localeCompare(b.name));
  return {
    kb,
    authorities,
    get meaningReady() {
      return answerer.meaningReady;
    },
    get meaningStatus() {
      return answerer.meaningStatus;
    },
    whenReady: () => answerer.whenReady(),
    answer: (question, opts) => answerer.answer(question, opts),
    search: (query, opts) => answerer.search(query, opts),
    glossary: (term) => lookupGlossary(kb, term),
    passage: (id) => {
      const stored = kb.passages.get(id);
      if (!stored) return undefined;
      // The store adds analysed terms to each passage; cards need only the Passage fields.
      const { id: pid, docId, sectionPath, section, anchor, text, display, ordinal } = stored;
      const passage = { id: pid, docId, sectionPath, section, anchor, text, display, ordinal };
      return { passage, citation: citePassage(kb, passage), score: 0, highlights: [] };
    },
  };
}
