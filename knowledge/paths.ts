import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The nearest folder at or above `start` holding package.json: the project root from sources (tsx, jest) or compiled output. */
export function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${start}`);
  }
}

/** Project root, whether running from TypeScript sources (tsx, jest) or compiled output. */
export const projectRoot = findProjectRoot(__dirname);

export const knowledgeDir = resolve(projectRoot, 'knowledge');
export const sourcesDir = resolve(knowledgeDir, 'sources');
export const authoritiesDir = resolve(knowledgeDir, 'authorities');
/** Build output: serialized index, passage store and compiled rules. Never committed. */
export const builtKnowledgeDir = resolve(projectRoot, process.env.KNOWLEDGE_BUILD_DIR ?? 'build/knowledge');
export const sharedDir = resolve(projectRoot, '../shared');
/** Vectors already computed, by model and text, shared by every build on this machine. Never committed. */
export const vectorCacheDir = resolve(projectRoot, process.env.VECTOR_CACHE_DIR ?? 'build/cache');
