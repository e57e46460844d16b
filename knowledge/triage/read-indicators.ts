import { expandShorthand } from './expand-shorthand';
import { factIndicator, setIndicatorFacts } from './indicator-facts';
import type { IndicatorReading, ReadIndicator, TriageFacts, TriageKnowledge } from './types';

/** Regular expressions compiled once per knowledge object. */
interface CompiledReader {
  indicators: { id: string; label: string; group: ReadIndicator['group']; cancels: string[]; patterns: { re: RegExp; negatable: boolean }[] }[];
  facts: { fact: string; re: RegExp; negatable: boolean; value?: number }[];
  cue: RegExp;
  exception: RegExp | null;
  breaks: RegExp;
  clauseStart: RegExp | null;
  /** A negated list: what splits its items, a clause break that is one of them (crossed), what joins alternatives. */
  list: { separator: RegExp; crossed: RegExp; alternative: RegExp } | null;
  window: number;
  maxWords: number;
  numberWords: Record<string, number>;
  roles: RegExp[];
}

const readers = new WeakMap<TriageKnowledge, CompiledReader>();
// A match starts at a word boundary (Unicode-aware, unlike \b).
const START = '(?<![\\p{L}\\p{N}])';

function reader(tk: TriageKnowledge): CompiledReader {
  let r = readers.get(tk);
  if (r) return r;
  const rc = tk.reading;
  r = {
    indicators: tk.indicators.map((i) => ({
      id: i.id,
      label: i.label,
      group: i.group,
      cancels: i.cancels,
      patterns: i.patterns.map((p) => ({ re: new RegExp(`${START}(?:${p.source})`, p.caseSensitive ? 'gu' : 'giu'), negatable: p.negatable })),
    })),
    facts: rc.facts.map((f) => ({
      fact: f.fact,
      re: new RegExp(`${START}(?:${f.source})`, f.caseSensitive ? 'gu' : 'giu'),
      negatable: f.negatable,
      ...(f.value !== undefined ? { value: f.value } : {}),
    })),
    cue: new RegExp(`${START}(?:${rc.negationCues})(?![\\p{L}\\p{N}])`, 'giu'),
    exception: rc.negationExceptions ? new RegExp(`${START}(?:${rc.negationExceptions})`, 'iu') : null,
    breaks: new RegExp(rc.clauseBreaks, 'giu'),
    clauseStart: rc.clauseStarts ? new RegExp(`^(?:${rc.clauseStarts})(?![\\p{L}\\p{N}])`, 'iu') : null,
    list: rc.list
      ? {
          separator: new RegExp(rc.list.separators, 'iu'),
          crossed: new RegExp(`^(?:${rc.list.separators})$`, 'iu'),
          alternative: new RegExp(rc.list.alternatives, 'iu'),
        }
      : null,
    window: rc.negationWindow,
    maxWords: rc.negationMaxWords,
    numberWords: rc.numberWords,
    roles: rc.positionsOfTrust.map((p) => new RegExp(`${START}(?:${p})(?![\\p{L}])`, 'iu')),
  };
  readers.set(tk, r);
  return r;
}

/** Same-length folding, so match offsets stay valid: curly quotes and dashes. */
function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** The clause before `start` (within the window, from the last break not `crossed`) and where its last negation cue ends (-1: none). */
function lastCue(r: CompiledReader, text: string, start: number, crossed?: RegExp): { clause: string; cueEnd: number } {
  const win = text.slice(Math.max(0, start - r.window), start);
  let from = 0;
  for (const m of win.matchAll(r.breaks)) if (!crossed?.test(m[0])) from = m.index + m[0].length;
  const clause = win.slice(from);
  let cueEnd = -1;
  for (const m of clause.matchAll(r.cue)) cueEnd = m.index + m[0].length;
  return { clause, cueEnd };
}

/** True when a negation cue precedes `start` in the same clause ("no violence", "wasn't hurt"). */
function negated(r: CompiledReader, text: string, start: number): boolean {
  // A match that opens its own clause ("he's here") is not governed by a cue before it.
  if (r.clauseStart?.test(text.slice(start, start + 40))) return false;
  const { clause, cueEnd } = lastCue(r, text, start);
  if (cueEnd < 0) return negatedList(r, text, start);
  // The nearest cue must be close: "without children ... strangled her" is not a negation.
  const between = clause.slice(cueEnd).trim();
  if (between && between.split(/\s+/).length > r.maxWords) return false;
  return !(r.exception && r.exception.test(clause));
}

/** Words an item of a negated list may have: "never been name-calling, threats or anything physical". */
const LIST_ITEM_WORDS = 3;

/**
 * A negation carried through a list: "there's never been name-calling, threats or anything
 * physical" negates "threats", though a comma stands between. Only a list of short items counts,
 * within one clause (only a break that separates list items is crossed).
 */
function negatedList(r: CompiledReader, text: string, start: number): boolean {
  if (!r.list) return false;
  const { clause, cueEnd } = lastCue(r, text, start, r.list.crossed);
  if (cueEnd < 0) return false;
  const items = clause.slice(cueEnd).split(r.list.separator);
  // The match opens an item of its own ("…, threats or …"; not "no injuries, he hit her"), and it is
  // a list of alternatives: an "or" or "nor" in it, before the match or just after.
  if (items.length < 2 || items[items.length - 1]!.trim() !== '') return false;
  const after = text.slice(start, start + 40).split(/[.;:!?]/)[0]!;
  if (!r.list.alternative.test(clause.slice(cueEnd)) && !r.list.alternative.test(after)) return false;
  const short = items.every((it) => it.trim().split(/\s+/).filter(Boolean).length <= LIST_ITEM_WORDS);
  return short && !(r.exception && r.exception.test(clause));
}

function firstMatch(r: CompiledReader, text: string, re: RegExp, negatable: boolean): RegExpExecArray | undefined {
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) continue;
    if (negatable && negated(r, text, m.index)) continue;
    return m as RegExpExecArray;
  }
  return undefined;
}

function toNumber(r: CompiledReader, word: string | undefined): number | undefined {
  if (!word) return undefined;
  const w = word.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(w)) return parseFloat(w);
  const ordinal = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
  if (ordinal) return parseInt(ordinal[1]!, 10);
  return r.numberWords[w];
}

function numbersIn(r: CompiledReader, list: string): number[] {
  return list
    .split(/\s*(?:,|\band\b|&|\+)\s*/i)
    .map((x) => toNumber(r, x))
    .filter((n): n is number => n !== undefined);
}

/**
 * Read indicators and facts from a description. Patterns come from the knowledge data
 * (triage/reading.yaml and triage/indicators/); this function only applies them, with negation and number parsing.
 */
export function readIndicators(tk: TriageKnowledge, description: string): IndicatorReading {
  const r = reader(tk);
  const text = normalise(expandShorthand(tk, description));
  const found: ReadIndicator[] = [];
  // "They split up four years ago": the separation long past cancels the recent separation its words also read.
  const cancelled = new Set<string>();
  for (const ind of r.indicators) {
    for (const p of ind.patterns) {
      const m = firstMatch(r, text, p.re, p.negatable);
      if (m) {
        found.push({ id: ind.id, label: ind.label, group: ind.group, evidence: m[0].trim().slice(0, 120) });
        for (const id of ind.cancels) cancelled.add(id);
        break;
      }
    }
  }
  const indicators = found.filter((i) => !cancelled.has(i.id));

  const ages = new Set<number>();
  let unborn = false;
  let police: number | undefined;
  let dash: number | undefined;
  for (const f of r.facts) {
    f.re.lastIndex = 0;
    for (const m of text.matchAll(f.re)) {
      if (f.negatable && negated(r, text, m.index)) continue;
      const g = m.groups ?? {};
      const values = f.value !== undefined ? [f.value] : g.list ? numbersIn(r, g.list) : [toNumber(r, g.n)].filter((n): n is number => n !== undefined);
      if (f.fact === 'unborn') unborn = true;
      for (const v of values) {
        if (f.fact === 'childAge') {
          // months / mths / mos, weeks / wks, otherwise years (years / yrs).
          const unit = (g.unit ?? 'year').toLowerCase();
          const age = unit.startsWith('m') ? v / 12 : unit.startsWith('w') ? v / 52 : v;
          if (age >= 0 && age < 18) ages.add(Math.round(age * 100) / 100);
        } else if (f.fact === 'policeNotifications') {
          if (v >= 1 && v < 100) police = Math.max(police ?? 0, v);
        } else if (f.fact === 'dashScore') {
          if (v >= 0 && v <= 24) dash = Math.max(dash ?? 0, v);
        }
      }
    }
  }

  const childAges = [...ages].sort((a, b) => a - b);
  const facts: TriageFacts = { childAges, unborn, immediateDanger: false };
  if (police !== undefined) facts.policeNotifications = police;
  if (dash !== undefined) facts.dashScore = dash;
  // The role named where a position of trust was read ("a teacher"), before the default.
  const trustId = factIndicator(tk, 'positionOfTrust');
  const trust = indicators.find((i) => i.id === trustId);
  const role = trust && r.roles.map((re) => re.exec(trust.evidence)?.[0]).find(Boolean);
  if (role) facts.positionOfTrust = role;
  return { indicators, facts: setIndicatorFacts(tk, new Set(indicators.map((i) => i.id)), facts) };
}
