/** The sentences (or list lines) of a passage's display text, in order. */
export function splitSentences(display: string): string[] {
  return display
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z“"‘(])/))
    .map((s) => s.trim())
    .filter(Boolean);
}
