import type { SentenceEncoder } from '../meaning/encoder';
import { loadUseLiteEncoder } from '../meaning/use-lite-encoder';
import { loadWordClasses } from '../text/word-class';
import { answerQuestion, normaliseQuestion } from './answer-question';
import type { KnowledgeBase } from './load-knowledge';
import { searchPassages } from './search-passages';
import type { AnswerOptions, AnswerResult, RankedAnswer, SearchOptions } from './types';

/**
 * The answer engine with both signals: encodes the question (only the question: passage vectors
 * were computed by the knowledge build) and ranks with lexical evidence and meaning together.
 * Until the encoder has loaded, answers use lexical evidence alone, so a fresh server answers at
 * once and gets better within a second or two. The bot, the CLIs and the evaluation share it.
 */
export interface PolicyAnswerer {
  readonly kb: KnowledgeBase;
  /** True once the sentence encoder is loaded (answers then use both signals). */
  readonly meaningReady: boolean;
  /** Where the meaning signal stands: still loading, ready, or unavailable (answers stay lexical). */
  readonly meaningStatus: 'loading' | 'ready' | 'unavailable';
  /** Resolves when the encoder has loaded, or failed to (answers then stay lexical). */
  whenReady(): Promise<void>;
  answer(question: string, opts?: Omit<AnswerOptions, 'queryVector'>): Promise<AnswerResult>;
  search(query: string, opts?: Omit<SearchOptions, 'queryVector'>): Promise<{ total: number; items: RankedAnswer[] }>;
}

/** Questions repeat (suggested questions, the message extension typing letter by letter): keep their vectors. */
const CACHE_SIZE = 2000;

export function createPolicyAnswerer(kb: KnowledgeBase, loadEncoder: () => Promise<SentenceEncoder> = loadUseLiteEncoder): PolicyAnswerer {
  let encoder: SentenceEncoder | undefined;
  let failed = false;
  const ready = loadEncoder()
    .then(
      (e) => {
        // Vectors of another model would compare as noise.
        if (e.model === kb.meaning.model && e.dimensions === kb.meaning.dimensions) encoder = e;
        else failed = true;
      },
      () => {
        failed = true;
      },
    )
    // The part-of-speech tagger is loaded with the encoder, whether or not it loaded, so that no question waits for it.
    .then(() => void loadWordClasses());
  const cache = new Map<string, Float32Array>();

  async function vectorFor(text: string): Promise<Float32Array | undefined> {
    if (!encoder || !text) return undefined;
    const key = normaliseQuestion(kb, text);
    const hit = cache.get(key);
    if (hit) {
      // Refresh its place: the cache forgets the least recently asked first.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const [v] = await encoder.encode([key]);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    if (v) cache.set(key, v);
    return v;
  }

  return {
    kb,
    get meaningReady() {
      return encoder !== undefined && !failed;
    },
    get meaningStatus() {
      return failed ? 'unavailable' : encoder ? 'ready' : 'loading';
    },
    whenReady: () => ready,
    async answer(question, opts = {}) {
      return answerQuestion(kb, question, { ...opts, queryVector: await vectorFor(question) });
    },
    async search(query, opts = {}) {
      return searchPassages(kb, query, { ...opts, queryVector: await vectorFor(query) });
    },
  };
}
