/**
 * The one door to a sentence encoder. Everything else (the knowledge build, search, triage)
 * sees only this interface, so the model can be swapped when a better one can be installed.
 * Vectors are unit length, so a dot product is the cosine similarity.
 */
export interface SentenceEncoder {
  /** Model identity: stored with every vector so that vectors of different models never mix. */
  readonly model: string;
  readonly dimensions: number;
  encode(texts: readonly string[]): Promise<Float32Array[]>;
}

export function normalise(v: ArrayLike<number>): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i]! * v[i]!;
  const s = n > 0 ? 1 / Math.sqrt(n) : 0;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! * s;
  return out;
}

export function dot(a: Float32Array, b: Float32Array, offset = 0): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[offset + i]!;
  return s;
}
