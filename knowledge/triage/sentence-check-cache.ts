import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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

/**
 * A fingerprint of what the readings depend on: the triage data (`<knowledge>/triage/**`, .yaml and
 * .yml), the code that loads and reads it (this folder, the data-file loader and the text helpers the
 * schemas use), the versions of the YAML parser and zod, and Node's (its Unicode tables).
 */
export function sentenceCheckFingerprint(knowledgeDir: string): string {
  const hash = createHash('sha256');
  const triageData = join(knowledgeDir, 'triage');
  const knowledgeCode = join(__dirname, '..');
  const parts: [string, string][] = [
    ...filesUnder(triageData, (n) => /\.ya?ml$/.test(n)).map((f): [string, string] => [triageData, f]),
    ...filesUnder(__dirname, isCode).map((f): [string, string] => [knowledgeCode, f]),
    ...filesUnder(join(knowledgeCode, 'text'), isCode).map((f): [string, string] => [knowledgeCode, f]),
    ...readdirSync(knowledgeCode)
      .filter((n) => /^data-file\.(?:ts|js)$/.test(n))
      .map((n): [string, string] => [knowledgeCode, join(knowledgeCode, n)]),
  ];
  for (const [root, file] of parts) hash.update(relative(root, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
  hash.update(`node ${process.version}; yaml ${versionOf('yaml')}; zod ${versionOf('zod')}`);
  return hash.digest('hex');
}

const isCode = (n: string) => /\.(?:ts|js)$/.test(n) && !n.endsWith('.d.ts');

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
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
