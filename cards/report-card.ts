import type { Attachment } from 'botbuilder';
import reportTemplate from './report.json';
import { renderCard } from './render';

/** The champions' report, as plain lines the bot has already worded. */
export interface ReportCardView {
  days: number;
  helpful: number;
  notHelpful: number;
  declined: number;
  gaps: { topic: string; declined: number }[];
  /** One line per passage, e.g. "Protocol › 4.2 MARAC: 3 not helpful, 1 helpful (mostly: out of date)". */
  passages: string[];
  /** One line per shared question, already redacted. */
  shared: string[];
  csvUrl: string;
  /** How long the download link works. */
  linkMinutes: number;
}

/** Rows shown on the card; the CSV has them all. */
const MAX_ROWS = 5;

export function reportCard(view: ReportCardView): Attachment {
  const period = view.days === 1 ? 'the last day' : `the last ${view.days} days`;
  return renderCard(reportTemplate, {
    heading: `Feedback and gaps: ${period}`,
    summary: [
      { title: 'Rated helpful', value: String(view.helpful) },
      { title: 'Rated not helpful', value: String(view.notHelpful) },
      { title: 'Questions declined', value: String(view.declined) },
    ],
    hasGaps: view.gaps.length > 0,
    gaps: view.gaps.slice(0, MAX_ROWS).map((g) => ({ count: `${g.declined} declined`, topic: g.topic })),
    hasPassages: view.passages.length > 0,
    passages: view.passages.slice(0, MAX_ROWS).map((line) => ({ line })),
    hasShared: view.shared.length > 0,
    shared: view.shared.slice(0, MAX_ROWS).map((line) => ({ line })),
    linkNote: `The CSV has every row. Its link works for ${view.linkMinutes} minutes and only for champions.`,
    csvUrl: view.csvUrl,
  });
}
