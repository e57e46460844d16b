import type { Passage } from '../types';

/**
 * Build step for triage knowledge (matrix, authorities' contacts/routes/rules, indicator patterns).
 * Called by the knowledge build after passages exist, so every citation can be resolved and
 * validated against them. Writes its compiled output into outDir.
 * (Stub: the triage work fills this in.)
 */
export function buildTriageKnowledge(_passages: readonly Passage[], _outDir: string): void {
  // intentionally empty until triage knowledge lands
}
