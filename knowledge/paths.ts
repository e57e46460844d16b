import { resolve } from 'node:path';

/** Project root, whether running from TypeScript sources (tsx, jest) or compiled output in dist/. */
export const projectRoot = resolve(__dirname, __dirname.includes(`${'/'}dist${'/'}`) ? '../..' : '..');

export const knowledgeDir = resolve(projectRoot, 'knowledge');
export const sourcesDir = resolve(knowledgeDir, 'sources');
export const authoritiesDir = resolve(knowledgeDir, 'authorities');
/** Build output: serialized index, passage store and compiled rules. Never committed. */
export const builtKnowledgeDir = resolve(projectRoot, process.env.KNOWLEDGE_BUILD_DIR ?? 'build/knowledge');
export const sharedDir = resolve(projectRoot, '../shared');
/** Vectors already computed, by model and text, shared by every build on this machine. Never committed. */
export const vectorCacheDir = resolve(projectRoot, process.env.VECTOR_CACHE_DIR ?? 'build/cache');
