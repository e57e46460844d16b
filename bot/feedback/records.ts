import { z } from 'zod';
import { MAX_SHARED_QUESTION } from './redact';

/**
 * What the feedback store keeps: one record per rating, declined question (a gap) or question
 * for a champion. Never a user id, never the question unless the user shared it, and then only
 * after redaction (bot/feedback/redact.ts).
 */

export const RATINGS = ['helpful', 'not-helpful'] as const;
/** Why an answer did not help (the choices on the answer card). */
export const REASONS = ['wrong-passage', 'out-of-date', 'unclear', 'not-local', 'incomplete', 'other'] as const;

export type Rating = (typeof RATINGS)[number];
export type Reason = (typeof REASONS)[number];

const text = (max: number) => z.string().min(1).max(max);

export const feedbackRecordSchema = z.object({
  kind: z.enum(['feedback', 'gap', 'champion-question']),
  /** ISO 8601, UTC. */
  time: z.iso.datetime(),
  rating: z.enum(RATINGS).optional(),
  reason: z.enum(REASONS).optional(),
  /** The passage rated (feedback) or the nearest passage (gap). */
  passageId: text(200).optional(),
  /** What the record is about: a passage's section, or a glossary term; never the question. */
  topic: text(300).optional(),
  /** The authority the user had chosen, if any. */
  authority: text(100).optional(),
  /** Only when the user ticked "share my question", and redacted. */
  redactedQuestion: text(MAX_SHARED_QUESTION).optional(),
});

export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;
export type FeedbackKind = FeedbackRecord['kind'];

/** From (inclusive) to (exclusive). */
export interface Period {
  from: Date;
  to: Date;
}

/**
 * The one store for feedback, gaps and champion questions. Backends: memory (tests), JSON lines
 * files (the embedded default) and Azure Table Storage (production); test/feedback/store-contract
 * runs the same suite against each.
 */
export interface FeedbackStore {
  /** Keep one record (validated first: a bad record is refused, never half-written). */
  append(record: FeedbackRecord): Promise<void>;
  /** Records whose time falls in the period, oldest first, optionally of one kind. */
  query(period: Period, kind?: FeedbackKind): Promise<FeedbackRecord[]>;
}

/** The period of the last `days` days, up to and including `now`. */
export function lastDays(days: number, now = new Date()): Period {
  return { from: new Date(now.getTime() - days * 24 * 60 * 60 * 1000), to: new Date(now.getTime() + 1) };
}

/** Whether a record belongs in a query's answer. */
export function inPeriod(record: FeedbackRecord, period: Period, kind?: FeedbackKind): boolean {
  const t = Date.parse(record.time);
  return t >= period.from.getTime() && t < period.to.getTime() && (kind === undefined || record.kind === kind);
}

export function byTime(a: FeedbackRecord, b: FeedbackRecord): number {
  return Date.parse(a.time) - Date.parse(b.time);
}

/** An in-memory store: tests, and STORAGE=memory without FEEDBACK_STORE. */
export class MemoryFeedbackStore implements FeedbackStore {
  private readonly records: FeedbackRecord[] = [];

  async append(record: FeedbackRecord): Promise<void> {
    this.records.push(feedbackRecordSchema.parse(record));
  }

  async query(period: Period, kind?: FeedbackKind): Promise<FeedbackRecord[]> {
    return this.records.filter((r) => inPeriod(r, period, kind)).sort(byTime);
  }
}
