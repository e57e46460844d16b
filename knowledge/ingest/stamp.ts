import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Hash of everything a build reads: knowledge data files and the TypeScript that turns them
 * into the built knowledge (the search runtime excluded: it does not change the output).
 */
const DATA = /\.(md|ya?ml|json)$/;

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
}

export function knowledgeStamp(knowledgeDir: string): string {
  const files: string[] = [];
  walk(knowledgeDir, files);
  const inputs = files
    .filter((f) => {
      const rel = relative(knowledgeDir, f).split('\\').join('/');
      if (DATA.test(rel)) return true;
      return rel.endsWith('.ts') && !rel.startsWith('search/');
    })
    .sort();
  const hash = createHash('sha256');
  for (const f of inputs) {
    hash.update(relative(knowledgeDir, f));
    hash.update('\0');
    hash.update(readFileSync(f));
    hash.update('\0');
  }
  return hash.digest('hex');
}
