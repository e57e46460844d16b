import type lunr from 'lunr';

/**
 * lunr's own ranking of exact terms (the BM25 weights its builder stored in the index), computed
 * with typed arrays instead of through `lunr.Index.query`. The query method builds a match-data
 * object for every (term, field, passage) it touches, which is most of the time a question takes on
 * a large knowledge base (a hundred authorities: every posting list a hundred times longer). The
 * scores are lunr's: for each field, the dot product of the query vector (each term's boost) with
 * the passage's field vector, over the query vector's length, summed over fields; equal scores keep
 * the order in which lunr meets the passages. Only what the ranking asks of lunr is supported:
 * optional terms, no pipeline, no wildcards, every field.
 */
export interface TermHit {
  ref: string;
  score: number;
}

interface Postings {
  /** One per field, in the index's field order: passage numbers and the weight of the term there. */
  docs: Int32Array[];
  weights: Float64Array[];
}

interface LunrInternals {
  invertedIndex: Record<string, Record<string, unknown> & { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
  fields: string[];
}

export class TermScorer {
  private readonly refs: string[] = [];
  private readonly numberOf = new Map<string, number>();
  private readonly postings = new Map<string, Postings>();
  private readonly fields: string[];
  private readonly internals: LunrInternals;
  /** Reused between questions: per-field sums, and the order passages were met in. */
  private readonly sums: Float64Array[];
  private readonly metAt: Float64Array;

  constructor(index: lunr.Index) {
    this.internals = index as unknown as LunrInternals;
    this.fields = this.internals.fields;
    for (const fieldRef of Object.keys(this.internals.fieldVectors)) {
      const ref = fieldRef.slice(fieldRef.indexOf('/') + 1);
      if (!this.numberOf.has(ref)) {
        this.numberOf.set(ref, this.refs.length);
        this.refs.push(ref);
      }
    }
    this.sums = this.fields.map(() => new Float64Array(this.refs.length));
    this.metAt = new Float64Array(this.refs.length).fill(-1);
  }

  /** The term's postings in every field, with lunr's stored weights; null when no passage holds it (not kept: any word can be typed). */
  private postingsOf(term: string): Postings | null {
    const cached = this.postings.get(term);
    if (cached) return cached;
    const entry = Object.prototype.hasOwnProperty.call(this.internals.invertedIndex, term) ? this.internals.invertedIndex[term] : undefined;
    if (!entry) return null;
    const termIndex = entry._index;
    const out: Postings = { docs: [], weights: [] };
    for (const field of this.fields) {
      const refs = Object.keys((entry[field] as Record<string, unknown> | undefined) ?? {});
      const docs = new Int32Array(refs.length);
      const weights = new Float64Array(refs.length);
      refs.forEach((ref, i) => {
        docs[i] = this.numberOf.get(ref) ?? -1;
        weights[i] = weightIn(this.internals.fieldVectors[`${field}/${ref}`]?.elements ?? [], termIndex);
      });
      out.docs.push(docs);
      out.weights.push(weights);
    }
    this.postings.set(term, out);
    return out;
  }

  /** Passages holding any of the terms, best first, scored as lunr scores them. */
  query(terms: readonly { term: string; boost: number }[]): TermHit[] {
    // The query vector: boosts of a term asked twice add up; terms no passage holds are left out.
    const boosts = new Map<string, { boost: number; asked: number; termIndex: number }>();
    for (const { term, boost } of terms) {
      if (!this.postingsOf(term)) continue;
      const had = boosts.get(term);
      if (had) had.boost += boost;
      else boosts.set(term, { boost, asked: boosts.size, termIndex: this.internals.invertedIndex[term]!._index });
    }
    // lunr sums in the order of the terms' index numbers (the vectors are sorted by it): so do we,
    // so that equal passages score exactly alike and near ties fall as they do in lunr.
    const byIndex = [...boosts].sort((a, b) => a[1].termIndex - b[1].termIndex);
    let squares = 0;
    for (const [, q] of byIndex) squares += q.boost * q.boost;
    const length = Math.sqrt(squares);
    const met: number[] = [];
    try {
      return this.collect(byIndex, length, met);
    } finally {
      // The shared arrays are clean for the next question, whatever happened.
      for (const d of met) {
        this.metAt[d] = -1;
        for (const sums of this.sums) sums[d] = 0;
      }
    }
  }

  private collect(byIndex: [string, { boost: number; asked: number }][], length: number, met: number[]): TermHit[] {
    const fields = this.fields.length;
    for (const [term, q] of byIndex) {
      const p = this.postingsOf(term)!;
      for (let f = 0; f < fields; f++) {
        const docs = p.docs[f]!;
        const weights = p.weights[f]!;
        const sums = this.sums[f]!;
        for (let i = 0; i < docs.length; i++) {
          const d = docs[i]!;
          if (d < 0) continue;
          // Where lunr meets this passage first: the term's place in the question, the field, the posting.
          const at = (q.asked * fields + f) * POSTINGS_LIMIT + i;
          if (this.metAt[d]! < 0) {
            this.metAt[d] = at;
            met.push(d);
          } else if (at < this.metAt[d]!) this.metAt[d] = at;
          sums[d] += q.boost * weights[i]!;
        }
      }
    }
    const hits = met.map((d) => {
      // The field met first counts first, as lunr adds up a passage's fields.
      const first = Math.floor(this.metAt[d]! / POSTINGS_LIMIT) % fields;
      let score = length > 0 ? this.sums[first]![d]! / length || 0 : 0;
      for (let f = 0; f < fields; f++) {
        const s = this.sums[f]![d]!;
        if (f !== first && s !== 0) score += length > 0 ? s / length || 0 : 0;
      }
      return { ref: this.refs[d]!, score, at: this.metAt[d]! };
    });
    return hits.sort((a, b) => b.score - a.score || a.at - b.at).map(({ ref, score }) => ({ ref, score }));
  }
}

/** More postings than a term can have in one field (the encounter order packs them into one number). */
const POSTINGS_LIMIT = 2 ** 24;

/** The value at `termIndex` in a lunr vector's [index, value, index, value, …] elements (sorted by index). */
function weightIn(elements: readonly number[], termIndex: number): number {
  let lo = 0;
  let hi = elements.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = elements[mid * 2]!;
    if (at === termIndex) return elements[mid * 2 + 1]!;
    if (at < termIndex) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
