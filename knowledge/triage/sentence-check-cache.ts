import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vectorCacheDir } from '../paths';

/**
 * The indicators' must-match and must-not-match sentences are read by the whole reader, which is
 * most of a knowledge build's time. Their result depends only on the triage data files and the
 * reading code, so a fingerprint of those that has passed once is remembered (beside the vector
 * cache, never committed) and a build that changes neither, such as an authority adding its
 * documents, does not read them again. Any change to a pattern, a sentence or the reader reads
 * them all again.
 */
const FILE = 'indicator-sentences-passed.json';
const KEEP = 20;

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), keep) : keep(e.name) ? [join(dir, e.name)] : []))
    .sort();
}

/** A fingerprint of the triage data (`<knowledge>/triage/**`) and the code that reads it (this folder). */
export function sentenceCheckFingerprint(knowledgeDir: string): string {
  const hash = createHash('sha256');
  const data = filesUnder(join(knowledgeDir, 'triage'), (n) => n.endsWith('.yaml'));
  const code = filesUnder(__dirname, (n) => /\.(?:ts|js)$/.test(n) && !n.endsWith('.d.ts'));
  for (const file of [...data, ...code])
    hash
      .update(file.slice(file.lastIndexOf('/') + 1))
      .update('\0')
      .update(readFileSync(file))
      .update('\0');
  return hash.digest('hex');
}

function passed(cacheDir: string): string[] {
  try {
    const list: unknown = JSON.parse(readFileSync(join(cacheDir, FILE), 'utf8'));
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function sentencesPassedBefore(fingerprint: string, cacheDir = vectorCacheDir): boolean {
  return passed(cacheDir).includes(fingerprint);
}

/** Remember a fingerprint whose sentences all passed (written atomically: parallel builds share the file). */
export function rememberSentencesPassed(fingerprint: string, cacheDir = vectorCacheDir): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const list = [fingerprint, ...passed(cacheDir).filter((f) => f !== fingerprint)].slice(0, KEEP);
    const tmp = join(cacheDir, `${FILE}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(list));
    renameSync(tmp, join(cacheDir, FILE));
  } catch {
    // Only time is lost: the next build reads the sentences again.
  }
}
