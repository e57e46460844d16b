import { csvCell, reportCsv } from '../../bot/feedback/csv';
import type { FeedbackRecord } from '../../bot/feedback/records';
import { buildReport, NO_TOPIC } from '../../bot/feedback/report';
import { reportCard } from '../../cards/report-card';
import { validateCard } from '../../cards/validate';

const period = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-02-01T00:00:00Z') };
const t = (day: number) => `2025-01-${String(day).padStart(2, '0')}T10:00:00.000Z`;
const records: FeedbackRecord[] = [
  { kind: 'gap', time: t(2), topic: 'Protocol › 7 Housing', authority: 'northshire' },
  { kind: 'gap', time: t(3), topic: 'Protocol › 7 Housing', authority: 'eastvale' },
  { kind: 'gap', time: t(4) },
  { kind: 'feedback', time: t(5), rating: 'not-helpful', reason: 'out-of-date', passageId: 'p#1', topic: 'Protocol › 2 Scope' },
  { kind: 'feedback', time: t(6), rating: 'not-helpful', reason: 'out-of-date', passageId: 'p#1', topic: 'Protocol › 2 Scope' },
  { kind: 'feedback', time: t(7), rating: 'helpful', passageId: 'p#1', topic: 'Protocol › 2 Scope' },
  { kind: 'feedback', time: t(8), rating: 'helpful', passageId: 'p#2', topic: 'Guide › 1 Intro' },
  {
    kind: 'feedback',
    time: t(9),
    rating: 'not-helpful',
    reason: 'unclear',
    passageId: 'p#3',
    topic: 'Guide, "plain" › 4',
    redactedQuestion: '=HYPERLINK("x")',
  },
];

test('the report ranks declined topics and passages rated not helpful', () => {
  const report = buildReport(records, period, 31);
  expect([report.helpful, report.notHelpful, report.declined]).toEqual([2, 3, 3]);
  expect(report.gaps).toEqual([
    { topic: 'Protocol › 7 Housing', declined: 2, authorities: ['eastvale', 'northshire'] },
    { topic: NO_TOPIC, declined: 1, authorities: [] },
  ]);
  expect(report.leastHelpful.map((p) => [p.passageId, p.notHelpful, p.helpful, p.mainReason])).toEqual([
    ['p#1', 2, 1, 'out-of-date'],
    ['p#3', 1, 0, 'unclear'],
  ]);
  expect(report.shared).toHaveLength(1);
});

test('CSV cells are quoted where needed and never start a formula', () => {
  expect(csvCell('plain')).toBe('plain');
  expect(csvCell('a, "b"')).toBe('"a, ""b"""');
  expect(csvCell('=1+1')).toBe("'=1+1");
  expect(csvCell('-2')).toBe("'-2");
  expect(csvCell('@cmd')).toBe("'@cmd");
  const csv = reportCsv(buildReport(records, period, 31));
  expect(csv.startsWith('\ufeffrow,')).toBe(true);
  expect(csv).toContain(`shared,"Guide, ""plain"" › 4",p#3,,,,,,"'=HYPERLINK(""x"")",${t(9)}`);
});

test('the report card is a valid card, with or without rows', () => {
  const base = {
    days: 7,
    helpful: 0,
    notHelpful: 0,
    declined: 0,
    gaps: [],
    passages: [],
    shared: [],
    csvUrl: 'https://policy.example.org/x.csv',
    linkMinutes: 15,
  };
  expect(validateCard(reportCard(base).content as object)).toEqual([]);
  const full = reportCard({ ...base, gaps: [{ topic: 'A › B', declined: 3 }], passages: ['A › B: 2 not helpful, 0 helpful'], shared: ['2025-01-02: "q" (A)'] });
  expect(validateCard(full.content as object)).toEqual([]);
});
