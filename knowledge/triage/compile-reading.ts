import { KnowledgeFileError, lineOf } from '../data-file';
import { escapeRe, shown } from './error-location';
import type { IndicatorsFile } from './schemas';
import type { ReadingConfig } from './types';

/** Expands a pattern's {vocabulary} placeholders; `where` names the pattern in errors. */
export type Expand = (pattern: string, where: string) => string;

/** The number words of reading.yaml, keyed in lower case. */
function lowerCaseNumberWords(data: IndicatorsFile): Record<string, number> {
  return Object.fromEntries(Object.entries(data.numberWords).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Every {placeholder}'s source: {num}, {numlist}, each named vocabulary, and {ord} for {ordinals}. */
function buildVocabulary(data: IndicatorsFile, numberWords: Record<string, number>): Record<string, string> {
  const words = Object.keys(numberWords)
    .filter((w) => /^[a-z]+$/.test(w))
    .sort((a, b) => b.length - a.length);
  const num = `(?:\\d+(?:\\.\\d+)?|${words.map(escapeRe).join('|')})`;
  const vocab: Record<string, string> = {
    num,
    numlist: `${num}(?:\\s*(?:,|and|&|\\+)\\s*${num})*`,
  };
  for (const [name, list] of Object.entries(data.vocabularies)) vocab[name] = `(?:${list.join('|')})`;
  if (vocab.ordinals) vocab.ord = vocab.ordinals;
  return vocab;
}

/** An Expand over a vocabulary: an unknown placeholder or a result that does not compile is an error in `file`. */
function makeExpander(file: string, vocab: Record<string, string>): Expand {
  return (pattern: string, where: string): string => {
    const out = pattern.replace(/\{([a-zA-Z]+)\}/g, (_m, name: string) => {
      const v = vocab[name];
      if (!v) throw new KnowledgeFileError(shown(file), lineOf(file, new RegExp(escapeRe(where))), `unknown placeholder {${name}} in a pattern of ${where}`);
      return v;
    });
    try {
      new RegExp(out, 'giu');
    } catch (err) {
      throw new KnowledgeFileError(shown(file), lineOf(file, new RegExp(escapeRe(where))), `pattern of ${where} does not compile: ${(err as Error).message}`);
    }
    return out;
  };
}

/** Expand {vocabulary} placeholders and check the result compiles. */
export function compileReading(file: string, data: IndicatorsFile): { reading: ReadingConfig; expand: Expand } {
  const numberWords = lowerCaseNumberWords(data);
  const expand = makeExpander(file, buildVocabulary(data, numberWords));
  const reading: ReadingConfig = {
    negationCues: data.negation.cues.map((c) => expand(c, 'negation')).join('|'),
    negationExceptions: data.negation.exceptions.map((c) => expand(c, 'negation')).join('|'),
    clauseBreaks: expand(data.negation.clauseBreaks, 'negation'),
    ...(data.negation.clauseStarts ? { clauseStarts: expand(data.negation.clauseStarts, 'negation') } : {}),
    ...(data.negation.listSeparators && data.negation.listAlternatives
      ? { list: { separators: expand(data.negation.listSeparators, 'negation'), alternatives: expand(data.negation.listAlternatives, 'negation') } }
      : {}),
    negationWindow: data.negation.window,
    negationMaxWords: data.negation.maxWordsBetween,
    numberWords,
    facts: data.facts.map((f) => ({
      fact: f.fact,
      source: expand(f.pattern, `fact: ${f.fact}`),
      negatable: f.negatable,
      ...(f.caseSensitive ? { caseSensitive: true } : {}),
      ...(f.value !== undefined ? { value: f.value } : {}),
    })),
    positionsOfTrust: data.vocabularies.roles ?? [],
    shorthand: data.shorthand,
    contractions: data.contractions,
    chat: data.chat,
  };
  return { reading, expand };
}
