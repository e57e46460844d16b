import type { Attachment } from 'botbuilder';
import type { Citation, Passage } from '../knowledge/types';
import { citationLine, formatIssued, libraryUrl } from './citation-text';
import template from './citation-compact.json';
import { renderCard } from './render';

/**
 * The compact citation card (message extension): one passage, trimmed, with its citation, a link
 * to the full section in the library tab and the "guidance only" reminder. Standard width (no
 * msteams.width) because the user inserts it into any chat or channel as their own message.
 * Also the thumbnail preview Teams shows in the message extension's result list.
 */

export interface CitedPassage {
  passage: Passage;
  citation: Citation;
}

export interface CompactCardOptions {
  /** Base of the library tab links, without a trailing slash. */
  publicBaseUrl: string;
  /** Display name for an authority id (falls back to the id). */
  authorityName: (id: string) => string;
}

export const GUIDANCE_REMINDER = 'Guidance only — check the full document.';
/** Long enough for a passage's point, short enough for a card in a busy conversation. */
export const MAX_EXCERPT_CHARS = 600;
const MAX_PREVIEW_TEXT = 140;

/**
 * Shorten text to at most `max` characters: at a sentence end if that keeps most of it, otherwise
 * at a word break, with an ellipsis. Text within the limit is returned as it is.
 */
export function trimExcerpt(text: string, max = MAX_EXCERPT_CHARS): { text: string; trimmed: boolean } {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return { text: clean, trimmed: false };
  const head = clean.slice(0, max - 1);
  const sentenceEnd = Math.max(...['. ', '? ', '! ', '; '].map((p) => head.lastIndexOf(p)));
  if (sentenceEnd >= max * 0.6) return { text: `${head.slice(0, sentenceEnd + 1)} …`, trimmed: true };
  const space = head.lastIndexOf(' ');
  return { text: `${(space > max * 0.5 ? head.slice(0, space) : head).replace(/[\s,;:.–—-]+$/, '')}…`, trimmed: true };
}

/** Who a document speaks for: its authorities, "National guidance", or its publisher. */
export function sourceOwner(c: Citation, authorityName: (id: string) => string): string {
  if (c.authorities.length) return c.authorities.map(authorityName).join(', ');
  return c.national ? 'National guidance' : c.publisher;
}

/** The deepest section title ("5.4 Safety planning and review"), or the document title. */
function leafSection(item: CitedPassage): string {
  return item.passage.sectionPath[item.passage.sectionPath.length - 1] ?? item.citation.title;
}

export function compactCitationCard(item: CitedPassage, opts: CompactCardOptions): Attachment {
  const c = item.citation;
  return renderCard(template, {
    heading: leafSection(item),
    excerpt: trimExcerpt(item.passage.display).text,
    citation: citationLine(c, opts.authorityName),
    hasReviewWarning: c.reviewOverdue,
    reviewWarning: c.reviewDue ? `This document was due for review in ${formatIssued(c.reviewDue)}. Check that it is still current.` : '',
    hasSuperseded: Boolean(c.supersededNote),
    superseded: c.supersededNote ? `Note: ${c.supersededNote}` : '',
    reminder: GUIDANCE_REMINDER,
    libraryUrl: libraryUrl(opts.publicBaseUrl, c.anchor),
  });
}

export interface PreviewOptions extends CompactCardOptions {
  /** Sent back by Teams as the composeExtension/selectItem value when the preview is chosen. */
  selectValue: Record<string, unknown>;
  /** Defaults to the passage's section. */
  title?: string;
}

/** The thumbnail card Teams lists in the message extension: section, "document · authority", a snippet. */
export function citationPreview(item: CitedPassage, opts: PreviewOptions): Attachment {
  const c = item.citation;
  return {
    contentType: 'application/vnd.microsoft.card.thumbnail',
    content: {
      title: opts.title ?? c.section,
      subtitle: `${c.title} · ${sourceOwner(c, opts.authorityName)}`,
      text: opts.title ? c.section : trimExcerpt(item.passage.display, MAX_PREVIEW_TEXT).text,
      tap: { type: 'invoke', value: opts.selectValue },
    },
  };
}
