import type { FeedbackReport } from './report';

/**
 * The report as CSV for a spreadsheet: one row per declined topic, per passage rated not helpful
 * and per shared question. Cells a spreadsheet would run as a formula (starting = + - @ or a
 * tab) are prefixed with an apostrophe, since shared questions are what people typed.
 */

export const CSV_HEADER = ['row', 'topic', 'passage_id', 'declined', 'helpful', 'not_helpful', 'main_reason', 'authorities', 'shared_question', 'time'];

export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: (string | number | undefined)[]) => cells.map(csvCell).join(',');

/** The report as CSV text (UTF-8 with a byte-order mark, so Excel reads it as UTF-8; CRLF line ends). */
export function reportCsv(report: FeedbackReport): string {
  const rows = [
    line(CSV_HEADER),
    ...report.gaps.map((g) =>
      line(['declined', g.topic, undefined, g.declined, undefined, undefined, undefined, g.authorities.join(' '), undefined, undefined]),
    ),
    ...report.leastHelpful.map((p) =>
      line(['not helpful', p.topic, p.passageId, undefined, p.helpful, p.notHelpful, p.mainReason, undefined, undefined, undefined]),
    ),
    ...report.shared.map((s) =>
      line([
        s.kind === 'gap' ? 'shared (declined)' : 'shared',
        s.topic,
        s.passageId,
        undefined,
        undefined,
        undefined,
        undefined,
        s.authority,
        s.question,
        s.time,
      ]),
    ),
  ];
  return `\ufeff${rows.join('\r\n')}\r\n`;
}
