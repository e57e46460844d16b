import { stem, words } from '../text/analyzer';
import { dot } from '../meaning/encoder';
import { loadWordVectors } from '../meaning/word-vectors';
import type { KnowledgeBase } from './load-knowledge';

/**
 * For a word no document uses, the documents' words nearest in meaning (by word vectors):
 * "dog" → "pet", "cops" → "police". Words near nothing the documents say ("parking",
 * "printer") get none and keep counting against an answer.
 */
export interface Neighbour {
  /** The neighbour's index term (stem). */
  term: string;
  similarity: number;
}

/** Similarity at which a document word stands in for a question word. Chosen by `npm run tune`. */
export const NEIGHBOUR_MIN = 0.7;
const MAX_NEIGHBOURS = 3;

interface Vocabulary {
  terms: string[];
  vectors: Float32Array[];
  memo: Map<string, Neighbour[]>;
}

const vocabularies = new WeakMap<KnowledgeBase, Vocabulary>();

/** The documents' surface words with a vector, each with its index term. */
function vocabularyOf(kb: KnowledgeBase): Vocabulary {
  let v = vocabularies.get(kb);
  if (!v) {
    const wv = loadWordVectors();
    const seen = new Set<string>();
    v = { terms: [], vectors: [], memo: new Map() };
    for (const p of kb.store.passages) {
      for (const w of words(p.text)) {
        if (seen.has(w)) continue;
        seen.add(w);
        const vec = wv.vectorOf(w);
        const t = stem(w);
        if (vec && kb.df.has(t)) {
          v.terms.push(t);
          v.vectors.push(vec);
        }
      }
    }
    vocabularies.set(kb, v);
  }
  return v;
}

export function wordNeighbours(kb: KnowledgeBase, word: string, min = NEIGHBOUR_MIN): Neighbour[] {
  const vocab = vocabularyOf(kb);
  const key = `${word}\0${min}`;
  const hit = vocab.memo.get(key);
  if (hit) return hit;
  const q = loadWordVectors().vectorOf(word);
  const best = new Map<string, number>();
  if (q) {
    vocab.vectors.forEach((v, i) => {
      const sim = dot(q, v);
      const t = vocab.terms[i]!;
      if (sim >= min && sim > (best.get(t) ?? -1)) best.set(t, sim);
    });
  }
  const out = [...best]
    .map(([term, similarity]) => ({ term, similarity }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, MAX_NEIGHBOURS);
  if (vocab.memo.size < 20000) vocab.memo.set(key, out);
  return out;
}
