import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtKnowledgeDir, projectRoot } from '../../knowledge/paths';
import { compileTriageKnowledge, triage, type TriageKnowledge, type TriageOutcome } from '../../knowledge/triage';
import type { Passage } from '../../knowledge/types';

let passages: Passage[] | undefined;
let tk: TriageKnowledge | undefined;

/** Passages from the knowledge build (built into a temp dir when there is none). */
export function builtPassages(): Passage[] {
  if (passages) return passages;
  let store = join(builtKnowledgeDir, 'knowledge.json');
  if (!existsSync(store)) {
    const out = mkdtempSync(join(tmpdir(), 'triage-kb-'));
    execFileSync(process.execPath, [join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'knowledge/build/cli.ts', '--out', out], {
      cwd: projectRoot,
      stdio: 'ignore',
    });
    store = join(out, 'knowledge.json');
  }
  passages = (JSON.parse(readFileSync(store, 'utf8')) as { passages: Passage[] }).passages;
  return passages;
}

/** The triage knowledge compiled from the current data files (not a stale build). */
export function knowledge(): TriageKnowledge {
  tk ??= compileTriageKnowledge(builtPassages());
  return tk;
}

export function run(authority: string, description: string): TriageOutcome {
  return triage(knowledge(), { authority, description });
}

export function readIds(description: string): string[] {
  return run('camden', description).read.map((i) => i.id);
}
