import type { FeedbackRecord, Period, Reason } from './records';

/** The champions' view of a period: the most declined topics, the least helpful passages, the questions people shared. */
export interface FeedbackReport {
  days: number;
  period: Period;
  helpful: number;
  notHelpful: number;
  declined: number;
  /** Most declined first. */
  gaps: { topic: string; declined: number; authorities: string[] }[];
  /** Passages rated not helpful at least once, the most "not helpful" first. */
  leastHelpful: { passageId: string; topic: string; helpful: number; notHelpful: number; mainReason?: Reason }[];
  /** Newest first; already redacted when they were stored. */
  shared: { time: string; kind: FeedbackRecord['kind']; topic: string; passageId?: string; authority?: string; question: string }[];
}

/** What a gap is filed under when the engine had no nearest passage or term. */
export const NO_TOPIC = '(no nearest topic)';

function count<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function mostCommon<K>(map: Map<K, number>): K | undefined {
  return [...map.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function gapsOf(records: readonly FeedbackRecord[]): FeedbackReport['gaps'] {
  const gaps = new Map<string, { declined: number; authorities: Set<string> }>();
  for (const r of records) {
    if (r.kind !== 'gap') continue;
    const g = gaps.get(r.topic ?? NO_TOPIC) ?? { declined: 0, authorities: new Set<string>() };
    g.declined++;
    if (r.authority) g.authorities.add(r.authority);
    gaps.set(r.topic ?? NO_TOPIC, g);
  }
  return [...gaps.entries()]
    .map(([topic, g]) => ({ topic, declined: g.declined, authorities: [...g.authorities].sort() }))
    .sort((a, b) => b.declined - a.declined || a.topic.localeCompare(b.topic));
}

function ratingsOf(records: readonly FeedbackRecord[]): FeedbackReport['leastHelpful'] {
  const rated = new Map<string, { topic: string; helpful: number; notHelpful: number; reasons: Map<Reason, number> }>();
  for (const r of records) {
    if (r.kind !== 'feedback' || !r.rating || !r.passageId) continue;
    const p = rated.get(r.passageId) ?? { topic: r.topic ?? r.passageId, helpful: 0, notHelpful: 0, reasons: new Map<Reason, number>() };
    if (r.rating === 'helpful') p.helpful++;
    else p.notHelpful++;
    if (r.reason) count(p.reasons, r.reason);
    rated.set(r.passageId, p);
  }
  return [...rated.entries()]
    .filter(([, p]) => p.notHelpful > 0)
    .map(([passageId, p]) => {
      const mainReason = mostCommon(p.reasons);
      return { passageId, topic: p.topic, helpful: p.helpful, notHelpful: p.notHelpful, ...(mainReason ? { mainReason } : {}) };
    })
    .sort((a, b) => b.notHelpful - a.notHelpful || a.helpful - b.helpful || a.topic.localeCompare(b.topic));
}

/** Sum up the records of a period. */
export function buildReport(records: readonly FeedbackRecord[], period: Period, days: number): FeedbackReport {
  const ratings = records.filter((r) => r.kind === 'feedback');
  return {
    days,
    period,
    helpful: ratings.filter((r) => r.rating === 'helpful').length,
    notHelpful: ratings.filter((r) => r.rating === 'not-helpful').length,
    declined: records.filter((r) => r.kind === 'gap').length,
    gaps: gapsOf(records),
    leastHelpful: ratingsOf(records),
    shared: records
      .filter((r) => r.redactedQuestion)
      .map((r) => ({
        time: r.time,
        kind: r.kind,
        topic: r.topic ?? NO_TOPIC,
        question: r.redactedQuestion!,
        ...(r.passageId ? { passageId: r.passageId } : {}),
        ...(r.authority ? { authority: r.authority } : {}),
      }))
      .reverse(),
  };
}
