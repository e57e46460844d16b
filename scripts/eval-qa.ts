/** Policy-answer evaluation (stub until the search engine lands). */
export async function evaluateQa(): Promise<{ report: string }> {
  return { report: 'qa: not yet implemented' };
}
