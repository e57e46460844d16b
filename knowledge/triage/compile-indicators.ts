import type { Expand } from './compile-reading';
import type { IndicatorsFile } from './schemas';
import type { CompiledIndicator, CompiledPattern, Level } from './types';

type IndicatorData = IndicatorsFile['indicators'][number];

/**
 * A phrase as a pattern: its words literally (case-insensitive, whole words, any run of spaces,
 * the apostrophe optional so "wont" reads as "won't"), {slot} placeholders kept for expansion.
 */
export function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split(/(\{[a-zA-Z]+\})/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            .replace(/\s+/g, '\\s+')
            .replace(/'/g, "'?"),
    )
    .join('');
}

/** A phrase ends at a word boundary (added after its slots are expanded). */
const PHRASE_END = '(?![\\p{L}\\p{N}])';

/** An indicator's phrases, then its patterns, as compiled patterns with their placeholders expanded. */
function compilePatterns(ind: IndicatorData, expand: Expand): CompiledPattern[] {
  return [
    ...ind.phrases.map((p) => {
      const phrase = typeof p === 'string' ? p : p.phrase;
      return { source: `${expand(phraseSource(phrase), `id: ${ind.id}`)}${PHRASE_END}`, negatable: typeof p === 'string' ? true : p.negatable };
    }),
    ...ind.patterns.map((p) =>
      typeof p === 'string'
        ? { source: expand(p, `id: ${ind.id}`), negatable: true }
        : { source: expand(p.pattern, `id: ${ind.id}`), negatable: p.negatable, ...(p.caseSensitive ? { caseSensitive: true } : {}) },
    ),
  ];
}

/** One indicator compiled, with the matrix scale that lists it (if any). */
function compileIndicator(ind: IndicatorData, scaleOf: ReadonlyMap<string, Level>, expand: Expand): CompiledIndicator {
  return {
    id: ind.id,
    label: ind.label,
    group: ind.group,
    tags: ind.tags,
    ...(scaleOf.has(ind.id) ? { scale: scaleOf.get(ind.id)! } : {}),
    ...(ind.help ? { help: ind.help } : {}),
    patterns: compilePatterns(ind, expand),
    examples: ind.examples,
    ...(ind.askedAbout.length ? { askedAbout: ind.askedAbout } : {}),
    counterExamples: ind.mustNotMatch,
    readByMeaning: ind.readByMeaning && !ind.tags.includes('protective'),
    implies: ind.implies,
    // What it cancels is absent, so the meaning reader does not suggest it either.
    excludes: [...new Set([...ind.excludes, ...ind.cancels])],
    cancels: ind.cancels,
    ...(ind.fact ? { fact: ind.fact } : {}),
  };
}

/** Every indicator compiled, in file order. */
export function compileIndicators(data: IndicatorsFile, scaleOf: ReadonlyMap<string, Level>, expand: Expand): CompiledIndicator[] {
  return data.indicators.map((ind) => compileIndicator(ind, scaleOf, expand));
}
