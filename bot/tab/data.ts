import { glossaryEntries, isReviewOverdue, libraryDocuments, type KnowledgeBase, type LibraryDocument as SearchLibraryDocument } from '../../knowledge/search';
import type { CompiledAuthority, CompiledService, TriageCitation, TriageKnowledge } from '../../knowledge/triage/types';
import { humanize, slug } from './html';

/**
 * View models for the tab pages, read from the compiled knowledge and triage data. Nothing here
 * names an authority, a document or a service: everything comes from the data.
 */

export interface TabDeps {
  kb: KnowledgeBase;
  triage: TriageKnowledge;
  /** Absolute base for links that leave the tab (JSON for cards and the message extension). */
  publicBaseUrl: string;
  /** For review-date notices; defaults to now. */
  today?: () => Date;
}

export type LibrarySection = SearchLibraryDocument['sections'][number];

export interface LibraryDocument extends SearchLibraryDocument {
  reviewOverdue: boolean;
}

export interface GlossaryItem {
  term: string;
  expansion: string;
  explanation?: string;
  anchor: string;
}

/** Documents in store order, each with its sections in passage order, plus the review-date notice. */
export function libraryView(kb: KnowledgeBase, today = new Date()): LibraryDocument[] {
  return libraryDocuments(kb).map((d) => ({ ...d, reviewOverdue: isReviewOverdue(d.reviewDue, today) }));
}

export function glossaryItems(kb: KnowledgeBase): GlossaryItem[] {
  const used = new Set<string>();
  return glossaryEntries(kb).map((g) => {
    let anchor = `glossary-${slug(g.term)}`;
    for (let n = 2; used.has(anchor); n++) anchor = `glossary-${slug(g.term)}-${n}`;
    used.add(anchor);
    return { term: g.term, expansion: g.expansion, explanation: g.explanation, anchor };
  });
}

/** Authorities with triage data, by name. */
export function authorityList(triage: TriageKnowledge): CompiledAuthority[] {
  return Object.values(triage.authorities).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export interface NeedOption {
  id: string;
  label: string;
}

/** The needs that at least one service is tagged with, in the order and wording of knowledge/services.yaml. */
export function needOptions(triage: TriageKnowledge): NeedOption[] {
  const used = new Set(triage.services.flatMap((s) => s.needs));
  return triage.needs.filter((n) => used.has(n.id));
}

/** Services matching any of the needs (all services when none is given). */
export function filterServices(services: readonly CompiledService[], needs: readonly string[]): CompiledService[] {
  if (needs.length === 0) return [...services];
  return services.filter((s) => s.needs.some((n) => needs.includes(n)));
}

export function pathwayLabel(pathway: string): string {
  return humanize(pathway);
}

/** Where a citation lands in the library. Relative inside the tab, absolute for JSON clients. */
export function libraryHref(anchor: string, base = ''): string {
  return `${base}/tab/library#${encodeURIComponent(anchor)}`;
}

/** A citation as JSON clients see it: enough to show and link it, without the whole passage. */
export function citationJson(c: TriageCitation, publicBaseUrl: string) {
  return {
    title: c.title,
    publisher: c.publisher,
    section: c.section,
    issued: c.issued,
    reviewOverdue: c.reviewOverdue,
    quote: c.quote,
    ...(c.note ? { note: c.note } : {}),
    ...(c.supersededNote ? { supersededNote: c.supersededNote } : {}),
    url: libraryHref(c.anchor, publicBaseUrl),
  };
}
