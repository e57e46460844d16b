import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SentenceEncoder } from './encoder';

/**
 * Encoding is the slow part of a knowledge build (tens of milliseconds a sentence), so every
 * vector is kept in a cache keyed by model and text. A rebuild after editing one document
 * encodes only the sentences that changed; identical text (a document repeated for another
 * authority) is encoded once.
 */
const key = (model: string, text: string) => createHash('sha1').update(model).update('\0').update(text).digest('hex');

interface CacheFile {
  model: string;
  dimensions: number;
  keys: string[];
}

export class VectorCache {
  private readonly rows = new Map<string, Float32Array>();
  private added = 0;

  private constructor(
    private readonly dir: string,
    private readonly encoder: SentenceEncoder,
  ) {}

  /** Open the cache for an encoder (an unreadable or foreign cache starts empty). */
  static open(dir: string, encoder: SentenceEncoder): VectorCache {
    const cache = new VectorCache(dir, encoder);
    const meta = join(dir, `${cache.name}.json`);
    const bin = join(dir, `${cache.name}.bin`);
    if (existsSync(meta) && existsSync(bin)) {
      try {
        const m = JSON.parse(readFileSync(meta, 'utf8')) as CacheFile;
        const buf = readFileSync(bin);
        const all = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
        if (m.model === encoder.model && m.dimensions === encoder.dimensions && all.length === m.keys.length * m.dimensions) {
          m.keys.forEach((k, i) => cache.rows.set(k, all.slice(i * m.dimensions, (i + 1) * m.dimensions)));
        }
      } catch {
        // A damaged cache is only lost time: everything is encoded again.
      }
    }
    return cache;
  }

  private get name(): string {
    return `vectors-${this.encoder.model.replace(/[^\w.-]+/g, '_')}`;
  }

  /** Vectors for texts, in order, encoding only those not cached. */
  async encode(texts: readonly string[]): Promise<Float32Array[]> {
    const keys = texts.map((t) => key(this.encoder.model, t));
    const missing = [...new Set(texts.filter((_t, i) => !this.rows.has(keys[i]!)))];
    // Similar lengths together: the encoder pads a batch to its longest text.
    missing.sort((a, b) => a.length - b.length);
    const vectors = await this.encoder.encode(missing);
    missing.forEach((t, i) => this.rows.set(key(this.encoder.model, t), vectors[i]!));
    this.added += missing.length;
    return keys.map((k) => this.rows.get(k)!);
  }

  /** How many texts were encoded since the cache was opened or last saved. */
  get pending(): number {
    return this.added;
  }

  /** Write the cache back (atomically: parallel builds may share it). */
  save(): void {
    if (this.added === 0) return;
    mkdirSync(this.dir, { recursive: true });
    const keys = [...this.rows.keys()];
    const all = new Float32Array(keys.length * this.encoder.dimensions);
    keys.forEach((k, i) => all.set(this.rows.get(k)!, i * this.encoder.dimensions));
    const suffix = `.${process.pid}.${Date.now()}.tmp`;
    const meta: CacheFile = { model: this.encoder.model, dimensions: this.encoder.dimensions, keys };
    writeFileSync(join(this.dir, `${this.name}.bin${suffix}`), Buffer.from(all.buffer));
    writeFileSync(join(this.dir, `${this.name}.json${suffix}`), JSON.stringify(meta));
    renameSync(join(this.dir, `${this.name}.bin${suffix}`), join(this.dir, `${this.name}.bin`));
    renameSync(join(this.dir, `${this.name}.json${suffix}`), join(this.dir, `${this.name}.json`));
    this.added = 0;
  }
}
