import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtKnowledgeDir } from '../paths';
import { TRIAGE_FILE } from './build';
import { isReviewOverdue } from './citations';
import type { TriageKnowledge } from './types';

const cache = new Map<string, TriageKnowledge>();

/** Load the compiled triage knowledge (build/knowledge/triage.json) once per directory. */
export function loadTriageKnowledge(dir: string = builtKnowledgeDir): TriageKnowledge {
  const hit = cache.get(dir);
  if (hit) return hit;
  const file = join(dir, TRIAGE_FILE);
  if (!existsSync(file)) throw new Error(`${file} not found: run \`npm run knowledge:build\` first`);
  const today = new Date();
  // Review warnings are "as of today", not as of the build.
  const tk = JSON.parse(readFileSync(file, 'utf8'), (_key, value: unknown) => {
    if (value && typeof value === 'object' && 'passageId' in value && 'reviewDue' in value) {
      const c = value as unknown as { reviewDue: string | null; reviewOverdue: boolean };
      c.reviewOverdue = isReviewOverdue(c.reviewDue, today);
    }
    return value;
  }) as TriageKnowledge;
  if (tk.version !== 1) throw new Error(`${file}: unsupported triage knowledge version ${String(tk.version)}`);
  cache.set(dir, tk);
  return tk;
}
