import { KnowledgeFileError, lineOf } from '../data-file';
import { analyze } from '../text/analyzer';
import type { Passage } from '../types';
import { escapeRe, idLine, shown } from './error-location';
import { readIndicators } from './read-indicators';
import { MAX_PATTERN_LENGTH, type IndicatorsFile } from './schemas';
import { rememberSentencesPassed, sentencesPassedBefore } from './sentence-check-cache';
import type { TriageKnowledge } from './types';

/** Patterns and phrases longer than a line: a person cannot review them (the build refuses them). */
export function overlongPatterns(data: IndicatorsFile): { file: string; id: string; length: number }[] {
  return data.indicators.flatMap((ind) =>
    [...ind.phrases.map((p) => (typeof p === 'string' ? p : p.phrase)), ...ind.patterns.map((p) => (typeof p === 'string' ? p : p.pattern))]
      .filter((p) => p.length > MAX_PATTERN_LENGTH)
      .map((p) => ({ file: ind.file, id: ind.id, length: p.length })),
  );
}

/** Every indicator an indicator implies, excludes or cancels exists. */
function checkIndicatorLinks(data: IndicatorsFile): void {
  for (const ind of data.indicators) {
    for (const [verb, ids] of [
      ['implies', ind.implies],
      ['excludes', ind.excludes],
      ['cancels', ind.cancels],
    ] as const) {
      for (const id of ids) {
        if (!data.indicators.some((i) => i.id === id))
          throw new KnowledgeFileError(shown(ind.file), idLine(ind.file, ind.id), `${ind.id} ${verb} unknown indicator "${id}"`);
      }
    }
  }
}

/** No phrase or pattern is longer than one line (the first overlong one is the error). */
function checkPatternLengths(data: IndicatorsFile): void {
  const overlong = overlongPatterns(data)[0];
  if (overlong) {
    throw new KnowledgeFileError(
      shown(overlong.file),
      idLine(overlong.file, overlong.id),
      `${overlong.id}: a pattern of ${overlong.length} characters; keep each to one line (${MAX_PATTERN_LENGTH}) by moving alternatives into a vocabulary`,
    );
  }
}

/** Every indicator's must-match sentences read as it, and its must-not-match sentences do not. */
function checkIndicatorSentences(data: IndicatorsFile, tk: TriageKnowledge): void {
  for (const ind of data.indicators) {
    for (const [sentences, want] of [
      [ind.mustMatch, true],
      [ind.mustNotMatch, false],
    ] as const) {
      for (const sentence of sentences) {
        const found = readIndicators(tk, sentence).indicators.some((i) => i.id === ind.id);
        if (found !== want) {
          throw new KnowledgeFileError(
            shown(ind.file),
            lineOf(ind.file, new RegExp(escapeRe(sentence.slice(0, 40)))),
            `${ind.id}: "${sentence}" must ${want ? '' : 'not '}read as this indicator`,
          );
        }
      }
    }
  }
}

/** Every indicator a check of reading.yaml names exists. */
function checkCheckIndicators(readingFile: string, data: IndicatorsFile, indicatorIds: ReadonlySet<string>): void {
  for (const check of data.checks) {
    for (const id of check.indicators) {
      if (!indicatorIds.has(id))
        throw new KnowledgeFileError(
          shown(readingFile),
          lineOf(readingFile, new RegExp(`id: ${escapeRe(check.id)}\\b`)),
          `check ${check.id} names unknown indicator "${id}"`,
        );
    }
  }
}

/** One indicator at most stands for each fact, and one stands for danger now (999 first depends on it). */
function checkFactIndicators(readingFile: string, data: IndicatorsFile): void {
  const byFact = new Map<string, string>();
  for (const ind of data.indicators) {
    if (!ind.fact) continue;
    const other = byFact.get(ind.fact);
    if (other) throw new KnowledgeFileError(shown(ind.file), idLine(ind.file, ind.id), `${ind.id}: fact ${ind.fact} already stands for indicator "${other}"`);
    byFact.set(ind.fact, ind.id);
  }
  if (!byFact.has('immediateDanger'))
    throw new KnowledgeFileError(shown(readingFile), undefined, 'no indicator has "fact: immediateDanger": triage needs one to send danger now to 999 first');
}

/**
 * Every phrase an indicator is `askedAbout` with is in some passage (all its words in one): a
 * phrase no document uses would search for nothing.
 */
export function checkAskedAbout(data: IndicatorsFile, passages: readonly Passage[]): void {
  const termSets = passages.map((p) => new Set(analyze(p.text)));
  for (const ind of data.indicators) {
    for (const phrase of ind.askedAbout) {
      const terms = analyze(phrase);
      if (terms.length === 0 || !termSets.some((set) => terms.every((t) => set.has(t))))
        throw new KnowledgeFileError(shown(ind.file), idLine(ind.file, ind.id), `${ind.id}: askedAbout "${phrase}" is in no passage of the documents`);
    }
  }
}

/** The compiled indicators' checks, in order: facts, links, pattern lengths, example sentences, then the checks' indicators. */
export function checkIndicators(
  readingFile: string,
  data: IndicatorsFile,
  tk: TriageKnowledge,
  indicatorIds: ReadonlySet<string>,
  /** A fingerprint of the triage data and reading code whose sentences passed before (see sentence-check-cache). */
  sentences?: { fingerprint: string },
): void {
  checkFactIndicators(readingFile, data);
  checkIndicatorLinks(data);
  checkPatternLengths(data);
  if (!sentences || !sentencesPassedBefore(sentences.fingerprint)) {
    checkIndicatorSentences(data, tk);
    if (sentences) rememberSentencesPassed(sentences.fingerprint);
  }
  checkCheckIndicators(readingFile, data, indicatorIds);
}
