import { ownerSimilarities, type MeaningTable } from '../meaning/meaning-table';
import { expandShorthand } from './expand-shorthand';
import type { ReadIndicator, TriageKnowledge } from './types';

/**
 * The second reader: each clause of a description compared by meaning with the plain-language
 * examples of every indicator (knowledge/triage/indicators/*.yaml), so that what nobody wrote a
 * pattern for ("he squeezed her neck till her lips went blue", "uncle comes in my room at night")
 * is still found. Its findings join the patterns' (recall first): on the confirmation card they are
 * "suggested: please confirm", and they count towards the pathway until the practitioner unticks
 * them. A clause that reads like harm but that no indicator explains is reported too.
 */
export interface MeaningThresholds {
  /** Similarity to an indicator's nearest example at which the clause suggests that indicator. */
  finding: number;
  /**
   * How much nearer the clause must be to that indicator than to any other: a clause suggests
   * the one indicator it is clearly about, never every indicator it is somewhat near.
   */
  margin: number;
  /** Similarity to a severe indicator's examples at which an unexplained clause reads like harm. */
  harm: number;
}

/** Chosen on the triage calibration set by `npm run tune:triage` (scripts/tune-triage.ts). */
export const MEANING_READING: MeaningThresholds = { finding: 0.59, margin: 0.06, harm: 0.8 };

export interface MeaningReading {
  findings: ReadIndicator[];
  /** Clauses that read like harm that neither reader explains. */
  unexplained: string[];
}

/** Shorter pieces ("she is 5", "dad denies") carry no meaning of their own worth comparing. */
const MIN_CLAUSE = 12;

/**
 * Clauses a note is made of: sentences, split again at semicolons, dashes and the turns of a
 * case note ("but", "and then"). Quoted speech stays whole.
 */
export function clausesOf(description: string): string[] {
  return description
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+|;\s*|\s+[-–—]\s+|\s*\n\s*|,?\s+(?:but|and then|then|also|however|whereas)\s+/i)
    .map((c) => c.trim())
    .filter((c) => c.replace(/[^\p{L}]/gu, '').length >= MIN_CLAUSE);
}

/** The clauses the meaning reader compares: a description's case-note capitals and bare contractions read first. */
export function meaningClauses(tk: TriageKnowledge, description: string): string[] {
  return clausesOf(expandShorthand(tk, description));
}

/**
 * A clause that opens with a negation ("no weapon was used", "there was nothing physical", "she
 * denies any injury"): its meaning is the opposite of its words. A negation later in the clause
 * ("she could not breathe") is part of what happened.
 */
function negation(tk: TriageKnowledge): RegExp {
  return new RegExp(`^\\W*(?:[\\p{L}\\p{N}']+\\W+){0,3}?(?:${tk.reading.negationCues})(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * Meaning findings for clauses and their vectors. A clause that opens with a negation is left to
 * the patterns (meaning does not see "not": "no weapon was used" is close to "he used a weapon").
 * `patternEvidence` is what the pattern reader matched, so a clause it explains is not unexplained.
 */
export function readMeaning(
  tk: TriageKnowledge,
  table: MeaningTable,
  clauses: readonly string[],
  vectors: readonly Float32Array[],
  patternEvidence: readonly string[],
  thresholds: MeaningThresholds = MEANING_READING,
): MeaningReading {
  const negated = negation(tk);
  const best = new Map<number, { similarity: number; clause: string }>();
  const unexplained: string[] = [];
  clauses.forEach((clause, c) => {
    if (negated.test(clause)) return;
    const sims = ownerSimilarities(table, vectors[c]!);
    // The nearest indicator, and its nearest rival: for a severe indicator only a less severe one
    // (or the background) is a rival, since doubt between two severe readings is still severe.
    let first = -1;
    tk.indicators.forEach((ind, i) => {
      if (ind.readByMeaning && (first < 0 || sims[i]! > sims[first]!)) first = i;
    });
    const severeFirst = first >= 0 && tk.indicators[first]!.tags.includes('severe');
    let second = -1;
    tk.indicators.forEach((ind, i) => {
      if (!ind.readByMeaning || i === first || (severeFirst && ind.tags.includes('severe'))) return;
      if (second < 0 || sims[i]! > sims[second]!) second = i;
    });
    const harm = first >= 0 ? sims[first]! : -1;
    // The background (the owner after the indicators): a clause nearer to "nothing of risk" suggests nothing;
    // nor does one nearer to what the indicator must not match ("Mum was 16 when she had him").
    const background = sims[tk.indicators.length] ?? -1;
    const counter = first >= 0 ? (sims[tk.indicators.length + 1 + first] ?? -1) : -1;
    const rival = Math.max(second >= 0 ? sims[second]! : -1, background, counter);
    const clear = first >= 0 && harm >= thresholds.finding && harm - rival >= thresholds.margin;
    if (clear && harm > (best.get(first)?.similarity ?? -1)) best.set(first, { similarity: harm, clause });
    const found = clear;
    const explained = found || patternEvidence.some((e) => clause.toLowerCase().includes(e.toLowerCase()) || e.toLowerCase().includes(clause.toLowerCase()));
    // Unexplained harm: nearest to a severe indicator, yet neither reader could say which.
    if (severeFirst && harm >= thresholds.harm && harm > background && !explained) unexplained.push(clause);
  });
  const findings: ReadIndicator[] = [...best].map(([i, b]) => {
    const ind = tk.indicators[i]!;
    return {
      id: ind.id,
      label: ind.label,
      group: ind.group,
      evidence: b.clause.slice(0, 120),
      source: 'meaning',
      similarity: Math.round(b.similarity * 1000) / 1000,
    };
  });
  return { findings, unexplained };
}
