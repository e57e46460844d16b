import type { Citation, Passage } from '../types';
import type { KnowledgeBase } from './load-knowledge';

/**
 * The citation shown under every answer: document, authority, section, dates, and notes on
 * review dates that have passed and statements later law has superseded.
 */

/** The last day a printed date (YYYY, YYYY-MM, YYYY-MM-DD) covers. */
function endOfPrintedDate(printed: string): Date {
  const [y, m, d] = printed.split('-').map(Number);
  if (d) return new Date(Date.UTC(y!, m! - 1, d, 23, 59, 59));
  if (m) return new Date(Date.UTC(y!, m!, 0, 23, 59, 59));
  return new Date(Date.UTC(y!, 11, 31, 23, 59, 59));
}

export function isReviewOverdue(reviewDue: string | null, today: Date): boolean {
  return reviewDue !== null && today.getTime() > endOfPrintedDate(reviewDue).getTime();
}

function issuedBefore(issued: string, limit: string): boolean {
  return issued.slice(0, limit.length) < limit;
}

export function supersededNote(kb: KnowledgeBase, passage: Passage): string | undefined {
  const doc = kb.documents.get(passage.docId);
  for (const rule of kb.store.superseded) {
    if (rule.issuedBefore && doc && !issuedBefore(doc.issued, rule.issuedBefore)) continue;
    if (new RegExp(rule.pattern, 'i').test(passage.text)) return rule.note;
  }
  return undefined;
}

export function citePassage(kb: KnowledgeBase, passage: Passage, today: Date = new Date()): Citation {
  const doc = kb.documents.get(passage.docId);
  if (!doc) throw new Error(`passage ${passage.id} has no document`);
  const note = supersededNote(kb, passage);
  return {
    docId: doc.id,
    passageId: passage.id,
    title: doc.title,
    publisher: doc.publisher,
    authorities: doc.authorities,
    section: passage.section,
    anchor: passage.anchor,
    issued: doc.issued,
    reviewDue: doc.reviewDue,
    reviewOverdue: isReviewOverdue(doc.reviewDue, today),
    national: doc.national === true,
    ...(note ? { supersededNote: note } : {}),
  };
}
