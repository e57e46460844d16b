import type { Citation } from '../knowledge/types';

/** How a citation reads on every card: the document, authority, section and issue date, and its library link. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2019", "2019-03" or "2019-03-12" as "2019", "March 2019" or "12 March 2019". */
export function formatIssued(date: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!m) return date;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1]!;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** The line under every passage: title, authority, section, issue date. */
export function citationLine(c: Citation, authorityName: (id: string) => string): string {
  const who = c.authorities.length ? c.authorities.map(authorityName).join(', ') : c.national ? 'National guidance' : c.publisher;
  return [`Source: ${c.title}`, who, c.section, `issued ${formatIssued(c.issued)}`].filter(Boolean).join(' · ');
}

export function libraryUrl(publicBaseUrl: string, anchor: string): string {
  return `${publicBaseUrl}/tab/library#${encodeURIComponent(anchor)}`;
}
