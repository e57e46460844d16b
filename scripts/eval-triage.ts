/** Triage evaluation (stub until the triage engine lands). */
export async function evaluateTriage(): Promise<{ report: string }> {
  return { report: 'triage: not yet implemented' };
}
