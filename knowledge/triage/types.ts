import type { Citation } from '../types';

/**
 * Shapes of the compiled triage knowledge (build/knowledge/triage.json) and of a triage result.
 * Engines return plain objects; only the card layer knows about Adaptive Cards.
 */

export const PATHWAYS = ['emergency', 'child-protection', 'child-in-need', 'early-help', 'adult-services'] as const;
export type Pathway = (typeof PATHWAYS)[number];
export type Level = 1 | 2 | 3 | 4;

export const INDICATOR_GROUPS = ['incident-violence', 'child', 'adult-victim', 'person-causing-harm', 'context'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

/** A citation resolved against a passage, plus the words quoted and the passage text. */
export interface TriageCitation extends Citation {
  /** The short verbatim excerpt the data quoted. */
  quote: string;
  /** The whole passage (display text), so a reader sees the context. */
  text: string;
  /** Why this source is cited for another authority (the Barnardo's matrix). */
  note?: string;
}

/** Conditions over indicators and facts (see knowledge/triage/README in the data files). */
export type Condition =
  string | { indicator: string } | { tag: string } | { any: Condition[] } | { all: Condition[] } | { not: Condition } | { always: true } | FactCondition;

export const FACT_NAMES = [
  'dashScore',
  'policeNotifications',
  'youngestChildAge',
  'childCount',
  'childAgesKnown',
  'immediateDanger',
  'unborn',
  'noChildren',
  'specialNeeds',
  'positionOfTrust',
  'unexplainedHarm',
  'level',
  'pathway',
] as const;
export type FactName = (typeof FACT_NAMES)[number];

export interface FactCondition {
  fact: FactName;
  gte?: number;
  gt?: number;
  lte?: number;
  lt?: number;
  eq?: number | string | boolean;
  in?: (number | string)[];
  is?: boolean;
  present?: boolean;
}

export interface CompiledPattern {
  source: string;
  /** Whether a negation cue before the match (in the same clause) cancels it. */
  negatable: boolean;
  /** Match case-sensitively (acronyms that are also ordinary words, e.g. SEND). */
  caseSensitive?: boolean;
}

/**
 * Facts an indicator can stand for (`fact:` on the indicator in the data): when the indicator is
 * present the fact is set, when the practitioner removes it the fact is cleared. The engine finds
 * "danger now", "no children in the household" and the rest through this, never by indicator id.
 */
export const INDICATOR_FACTS = ['immediateDanger', 'specialNeeds', 'positionOfTrust', 'unborn', 'noChildren'] as const;
export type IndicatorFact = (typeof INDICATOR_FACTS)[number];

export interface CompiledIndicator {
  id: string;
  label: string;
  group: IndicatorGroup;
  tags: string[];
  /** Highest matrix scale that lists this indicator, if any. */
  scale?: Level;
  patterns: CompiledPattern[];
  /** Extra words that make a match read differently (shown on the card as help). */
  help?: string;
  /** Plain-language examples, compared by meaning with each clause of a description. */
  examples: string[];
  /** The documents' words for this situation, searched when a policy question describes it. */
  askedAbout?: string[];
  /** Its mustNotMatch sentences: a clause nearer to one of these than to the examples is not suggested by meaning. */
  counterExamples: string[];
  /** Whether the meaning reader may suggest it (never for protective factors or facts that lower concern). */
  readByMeaning: boolean;
  /** Less specific indicators this one includes: when both are present, only this one is listed. */
  implies: string[];
  /** Indicators this one rules out when the patterns read it (the meaning reader does not suggest them); includes `cancels`. */
  excludes: string[];
  /** Indicators this one means are absent when the patterns read it (either reader's finding of them is dropped). */
  cancels: string[];
  /** The fact this indicator stands for, if any (danger now, a child's special needs …). */
  fact?: IndicatorFact;
}

export interface CompiledFactPattern {
  fact: 'childAge' | 'policeNotifications' | 'dashScore' | 'unborn';
  source: string;
  negatable: boolean;
  /** Matched as written (a capitalised name), not ignoring case. */
  caseSensitive?: boolean;
  /** Fixed value (e.g. "toddler" means 2), otherwise taken from the named groups n / list / unit. */
  value?: number;
}

export interface ReadingConfig {
  negationCues: string;
  negationExceptions: string;
  clauseBreaks: string;
  /** A match opening with this is a clause of its own: a cue before it does not negate it. */
  clauseStarts?: string;
  /** A negated list: what splits its items (a clause break among them is crossed) and what must join them. */
  list?: { separators: string; alternatives: string };
  negationWindow: number;
  negationMaxWords: number;
  numberWords: Record<string, number>;
  facts: CompiledFactPattern[];
  /** Words that name a position of trust, to report which one was found. */
  positionsOfTrust: string[];
  /** Case-note shorthand in capitals and the words it stands for ("M": "mum"). */
  shorthand: Record<string, string>;
  /** Contractions typed without the apostrophe and the form the patterns read ("hes": "he's"). */
  contractions?: Record<string, string>;
  /** Chat spellings and the words the patterns read ("n": "and", "kickin": "kicking"). */
  chat?: Record<string, string>;
}

export interface MatrixItem {
  text: string;
  indicators: string[];
  citations: TriageCitation[];
}

export interface MatrixScale {
  scale: Level;
  name: string;
  pathway: Pathway;
  response: string;
  evidence: MatrixItem[];
  riskFactors: MatrixItem[];
  protectiveFactors: MatrixItem[];
  citations: TriageCitation[];
}

export interface CompiledRule {
  id: string;
  /** Authority id, or "national". */
  scope: string;
  description: string;
  when: Condition;
  level?: Level;
  pathway?: Pathway;
  referrals: { id: string; why: string }[];
  nextSteps: { text: string; timescale?: string }[];
  contacts: string[];
  services: string[];
  citations: TriageCitation[];
}

export interface CompiledEscalation {
  id: string;
  description: string;
  when: Condition;
  raiseBy?: number;
  /** With raiseBy: never below this level after raising. */
  atLeast?: Level;
  setLevel?: Level;
  citations: TriageCitation[];
}

export interface CompiledContact {
  id: string;
  role: string;
  name?: string;
  phone?: string;
  email?: string;
  hours?: string;
  outOfHours?: string;
  /** Referral ids this contact takes (lado, marac, idva …). */
  serves: string[];
  citations: TriageCitation[];
}

export interface CompiledRoute {
  summary: string;
  contacts: string[];
  nextSteps: { text: string; timescale?: string }[];
  citations: TriageCitation[];
}

/** One escalation route of an authority, only as its documents say it (knowledge/escalation.yaml lists the topics). */
export interface CompiledEscalationRoute {
  topic: string;
  what: string;
  when?: string;
  /** Contact ids of the same authority. */
  contacts: string[];
  citations: TriageCitation[];
}

/** knowledge/escalation.yaml compiled: the card's sections, topics, compare groups and the ways people ask. */
export interface EscalationTopics {
  sections: { id: string; label: string }[];
  topics: { id: string; section: string; label: string; words: string[] }[];
  groups: { id: string; label: string; topics: string[]; words: string[] }[];
  /** Whole-message regular expressions (case-insensitive) that open the escalation card. */
  askedAs: string[];
}

export interface CompiledAuthority {
  id: string;
  name: string;
  aliases: string[];
  documents: string[];
  contacts: CompiledContact[];
  routes: Partial<Record<Pathway, CompiledRoute>>;
  rules: CompiledRule[];
  escalation: CompiledEscalationRoute[];
}

export interface CompiledService {
  id: string;
  name: string;
  description: string;
  phone?: string;
  email?: string;
  web?: string;
  hours?: string;
  needs: string[];
  /** Empty for national services. */
  authorities: string[];
  citations: TriageCitation[];
}

export interface MissingFactQuestion {
  id: string;
  fact: string;
  text: string;
  kind: 'ages' | 'number' | 'yes-no' | 'yes-no-number' | 'text';
}

/** A question that changes the pathway, answered Yes / No / Don't know (knowledge/triage/reading.yaml). */
export interface PathwayCheck {
  id: string;
  text: string;
  indicators: string[];
  fact?: 'unborn';
  severe: boolean;
}

export type CheckAnswer = 'yes' | 'no' | 'unknown';

/** When the matrix's "can raise" uplift raises one scale, and what is said when it does not. */
export interface UpliftHold {
  when: Condition;
  otherwise: string;
}

export interface TriageKnowledge {
  version: 1;
  builtAt: string;
  reading: ReadingConfig;
  indicators: CompiledIndicator[];
  matrix: {
    scales: MatrixScale[];
    uplift: CompiledEscalation;
    /** The uplift raises scale 3 to scale 4 (2 to 3) only when `when` holds; otherwise `otherwise` is said. */
    upliftToScale4?: UpliftHold;
    upliftToScale3?: UpliftHold;
    note: string;
    /** How many scales above the evidence a risk factor that is not severe may raise the level; unset = no limit. */
    riskFactorReach?: number;
  };
  referralTypes: Record<string, { label: string; question?: string }>;
  national: { rules: CompiledRule[]; escalations: CompiledEscalation[]; contacts: CompiledContact[] };
  authorities: Record<string, CompiledAuthority>;
  services: CompiledService[];
  /** Needs services are tagged with, in display order, with their labels (knowledge/services.yaml). */
  needs: { id: string; label: string }[];
  /** Need id → everyday words for it (knowledge/services.yaml `needWords`). */
  needWords: Record<string, string[]>;
  escalation: EscalationTopics;
  questions: MissingFactQuestion[];
  checks: PathwayCheck[];
  /** Sentences that say nothing of risk (the meaning reader's contrast class, owner after the indicators). */
  meaningBackground: string[];
  disclaimer: string;
}

/* ---------- reading and results ---------- */

export interface TriageFacts {
  childAges: number[];
  unborn: boolean;
  policeNotifications?: number;
  dashScore?: number;
  positionOfTrust?: string;
  immediateDanger: boolean;
  noChildren?: boolean;
  specialNeeds?: boolean;
  /** Part of the description reads like harm (by meaning) that no indicator explains. */
  unexplainedHarm?: boolean;
}

export interface ReadIndicator {
  id: string;
  label: string;
  group: IndicatorGroup;
  /** The words in the description that matched (the clause, for a finding by meaning). */
  evidence: string;
  /** Read by a pattern, or suggested by meaning alone (shown as "suggested: please confirm"). */
  source?: 'pattern' | 'meaning';
  /** For a finding by meaning: the similarity of the clause to the indicator's nearest example. */
  similarity?: number;
}

export interface IndicatorReading {
  indicators: ReadIndicator[];
  facts: TriageFacts;
}

export interface TriageInput {
  authority: string;
  indicatorIds: string[];
  facts: TriageFacts;
}

export interface TriageReason {
  kind: 'indicator' | 'rule' | 'uplift' | 'safety' | 'grading' | 'pathway' | 'protective';
  text: string;
  citations: TriageCitation[];
}

export interface FiredRule {
  id: string;
  description: string;
  level: Level | null;
  citation: TriageCitation;
  citations: TriageCitation[];
}

export interface TriageReferral {
  id: string;
  label: string;
  why: string;
  citations: TriageCitation[];
}

export interface TriageContact {
  name: string;
  role: string;
  phone?: string;
  email?: string;
  hours?: string;
  outOfHours?: string;
  citations: TriageCitation[];
}

export interface TriageStep {
  text: string;
  timescale?: string;
  citation: TriageCitation;
}

export interface TriageService {
  id: string;
  name: string;
  phone?: string;
  email?: string;
  web?: string;
  needs: string[];
  citation: TriageCitation;
}

export interface TriageResult {
  authority: string;
  pathway: Pathway;
  level: Level | null;
  indicators: { id: string; label: string; group: IndicatorGroup; scale?: Level }[];
  reasons: TriageReason[];
  firedRules: FiredRule[];
  referrals: TriageReferral[];
  contacts: TriageContact[];
  nextSteps: TriageStep[];
  services: TriageService[];
  citations: TriageCitation[];
  uplift?: string;
  /** The "can raise" uplift was held back (no violence or injury for it to raise): what would raise the level, to discuss. */
  consider?: string;
  escalatedForSafety?: string;
  /** Where documents grade the same indicator differently and the higher level won. */
  gradingNotes: string[];
  /** Facts the rules would use that the description did not give. */
  missingFacts: MissingFactQuestion[];
  /** Severe questions answered "don't know": what the result would become if the answer were yes. */
  mustCheck: { id: string; text: string; ifYes: { pathway: Pathway; level: Level | null } }[];
  disclaimer: string;
}
