import type { DocumentMeta, Passage } from '../types';
import type { TriageCitation } from './types';

/** Fold text for quote matching: case, whitespace, curly quotes, dashes and conversion debris. */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** True when a review date (YYYY, YYYY-MM or YYYY-MM-DD) has passed on `today`. */
export function isReviewOverdue(reviewDue: string | null, today = new Date()): boolean {
  if (!reviewDue) return false;
  const [y, m, d] = reviewDue.split('-').map(Number) as [number, number?, number?];
  // The end of the printed period: a year or month is due at its end.
  const end = d ? new Date(Date.UTC(y, (m ?? 1) - 1, d + 1)) : m ? new Date(Date.UTC(y, m, 1)) : new Date(Date.UTC(y + 1, 0, 1));
  return today.getTime() >= end.getTime();
}

/** Resolves `{doc, quote}` references to full citations of the passage that contains the quote. */
export class CitationResolver {
  private readonly byDoc = new Map<string, { passage: Passage; folded: string[] }[]>();
  private readonly cache = new Map<string, Passage>();

  constructor(
    passages: readonly Passage[],
    private readonly documents: ReadonlyMap<string, DocumentMeta>,
  ) {
    for (const p of passages) {
      const list = this.byDoc.get(p.docId) ?? [];
      list.push({ passage: p, folded: [foldForMatch(p.text), foldForMatch(p.display)] });
      this.byDoc.set(p.docId, list);
    }
  }

  /** An error message when the reference cannot be resolved, else undefined. */
  check(doc: string, quote: string): string | undefined {
    if (!this.documents.has(doc)) return `unknown document "${doc}"`;
    if (!this.byDoc.has(doc)) return `document "${doc}" has no passages (run the knowledge build)`;
    return this.find(doc, quote) ? undefined : `quote not found in any passage of ${doc}: "${quote}"`;
  }

  private find(doc: string, quote: string): Passage | undefined {
    const key = `${doc}\u0000${quote}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const q = foldForMatch(quote);
    const found = this.byDoc.get(doc)?.find((e) => e.folded.some((f) => f.includes(q)))?.passage;
    if (found) this.cache.set(key, found);
    return found;
  }

  resolve(ref: { doc: string; quote: string; note?: string; supersededNote?: string }): TriageCitation {
    const passage = this.find(ref.doc, ref.quote);
    const meta = this.documents.get(ref.doc);
    if (!passage || !meta) throw new Error(this.check(ref.doc, ref.quote) ?? `cannot resolve ${ref.doc}`);
    return {
      docId: meta.id,
      passageId: passage.id,
      title: meta.title,
      publisher: meta.publisher,
      authorities: meta.authorities,
      section: passage.section,
      anchor: passage.anchor,
      issued: meta.issued,
      reviewDue: meta.reviewDue,
      reviewOverdue: isReviewOverdue(meta.reviewDue),
      national: meta.national === true,
      ...(ref.supersededNote ? { supersededNote: ref.supersededNote } : {}),
      quote: ref.quote,
      text: passage.display || passage.text,
      ...(ref.note ? { note: ref.note } : {}),
    };
  }
}

/** Same citation (passage and quote): used to deduplicate lists. */
export function citationKey(c: TriageCitation): string {
  return `${c.passageId}\u0000${c.quote}`;
}

export function dedupeCitations(list: Iterable<TriageCitation>): TriageCitation[] {
  const seen = new Map<string, TriageCitation>();
  for (const c of list) if (!seen.has(citationKey(c))) seen.set(citationKey(c), c);
  return [...seen.values()];
}
