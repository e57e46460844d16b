import type { Attachment } from 'botbuilder';
import type { AnswerResult, RankedAnswer } from '../knowledge/search';
import { citationLine, formatIssued, libraryUrl } from './citation-text';
import { contactView } from './contact-view';
import answerTemplate from './answer.json';
import declineTemplate from './decline.json';
import { renderCard } from './render';

export interface AnswerCardOptions {
  /** Base of the library tab links, without a trailing slash. */
  publicBaseUrl: string;
  /** Display name for an authority id (falls back to the id). */
  authorityName: (id: string) => string;
  /** Whether the asker has set an authority; if not, the card suggests it. */
  hasAuthority: boolean;
  /** Helpful / Not helpful buttons under the best passage; none when absent. */
  feedback?: AnswerFeedback;
  /** "Ask a champion" and a champion's earlier answer to a like question (bot/champion/); none when absent. */
  champion?: ChampionPart;
}

/** What "Ask a champion" adds to an answer or decline card. Every string is ready to show. */
export interface ChampionPart {
  /** The button: its title and the question it carries (already redacted). */
  ask?: { title: string; question: string };
  /** A champion's answer to an earlier, similar question, shown apart from the policy and labelled as not policy. */
  cited?: { heading: string; asked: string; answer: string; notPolicy: string };
}

/** What the rating buttons need besides the passage. */
export interface AnswerFeedback {
  /**
   * The question as it would be shared with the champions, already redacted; shown on the card
   * beside the "share my question" toggle and sent back only if the user ticks it. Empty: no toggle.
   */
  sharedQuestion: string;
}

export interface TextSegment {
  text: string;
  strong: boolean;
}

/** Further passages shown under the best one (the engine returns up to five). */
const MAX_MORE = 2;
const MAX_FOLLOW_UPS = 3;
const MAX_BUTTON_TITLE = 60;

/**
 * Split `text` into runs, marking the highlighted sentences strong. Highlights are matched
 * exactly, then ignoring case and runs of whitespace; one that cannot be found is skipped,
 * so the passage itself is always shown verbatim and complete.
 */
export function highlightSegments(text: string, highlights: readonly string[]): TextSegment[] {
  const ranges: [number, number][] = [];
  for (const h of highlights) {
    const needle = h.trim();
    if (!needle) continue;
    let start = text.indexOf(needle);
    let end = start + needle.length;
    if (start < 0) {
      const pattern = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
      const m = new RegExp(pattern, 'i').exec(text);
      if (!m) continue;
      start = m.index;
      end = start + m[0].length;
    }
    ranges.push([start, end]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    if (from > at) segments.push({ text: text.slice(at, from), strong: false });
    segments.push({ text: text.slice(from, e), strong: true });
    at = e;
  }
  if (at < text.length) segments.push({ text: text.slice(at), strong: false });
  return segments;
}

/** Bold that covers (nearly) the whole passage distinguishes nothing and is hard to read. */
const MAX_BOLD_SHARE = 0.85;

function passageSegments(display: string, highlights: readonly string[]): TextSegment[] {
  const segments = highlightSegments(display, highlights);
  const bold = segments.reduce((n, s) => n + (s.strong ? s.text.length : 0), 0);
  return bold > display.length * MAX_BOLD_SHARE ? [{ text: display, strong: false }] : segments;
}

function passageView(r: RankedAnswer, opts: AnswerCardOptions) {
  const c = r.citation;
  return {
    segments: passageSegments(r.passage.display, r.highlights),
    citation: citationLine(c, opts.authorityName),
    hasReviewWarning: c.reviewOverdue,
    reviewWarning: c.reviewDue ? `This document was due for review in ${formatIssued(c.reviewDue)}. Check with your manager that it is still current.` : '',
    hasSuperseded: Boolean(c.supersededNote),
    superseded: c.supersededNote ? `Note: ${c.supersededNote}` : '',
    libraryUrl: libraryUrl(opts.publicBaseUrl, c.anchor),
  };
}

function buttonTitle(text: string): string {
  return text.length <= MAX_BUTTON_TITLE ? text : `${text.slice(0, MAX_BUTTON_TITLE - 1).trimEnd()}…`;
}

/**
 * When the asker's own authority's documents do not answer and the best passage comes from
 * elsewhere, say so plainly: another authority's rule may not apply locally.
 */
function otherAuthorityNote(
  result: AnswerResult,
  best: AnswerResult['results'][number],
  comparing: boolean,
  opts: AnswerCardOptions,
): { hasOtherAuthorityNote: boolean; otherAuthorityNote: string } {
  const own = result.authority;
  if (!own || comparing || best.citation.authorities.includes(own)) return { hasOtherAuthorityNote: false, otherAuthorityNote: '' };
  const source = best.citation.national
    ? 'the national guidance summary'
    : `${best.citation.authorities.map(opts.authorityName).join(', ') || best.citation.publisher}'s document`;
  return {
    hasOtherAuthorityNote: true,
    otherAuthorityNote: `${opts.authorityName(own)}'s documents do not answer this directly. This passage is from ${source}: check what your local procedures say.`,
  };
}

/** The answer card: best passage verbatim with highlights, citation, currency warnings, more passages, follow-ups. */
export function answerCard(result: AnswerResult, opts: AnswerCardOptions): Attachment {
  const [best, ...rest] = result.results;
  if (!best) throw new Error('answerCard needs at least one result');
  const more = rest.slice(0, MAX_MORE).map((r) => passageView(r, opts));
  const comparing = result.comparing.length > 1;
  const followUps = result.followUps.slice(0, MAX_FOLLOW_UPS).map((q) => ({ title: buttonTitle(q), question: q }));
  const glossary = result.glossary ?? [];
  const contacts = (result.contacts ?? []).map((c) => {
    const v = contactView(c, opts);
    return { ...v, sources: v.citations.map((x) => x.text).join('; ') };
  });
  return renderCard(answerTemplate, {
    tentative: result.tentative === true,
    hasContacts: contacts.length > 0,
    contactsHeading: result.authority ? `${opts.authorityName(result.authority)} contacts` : 'Contacts',
    contacts,
    ...otherAuthorityNote(result, best, comparing, opts),
    hasHeading: comparing,
    heading: comparing ? `Comparing ${result.comparing.map(opts.authorityName).join(' and ')}` : '',
    best: passageView(best, opts),
    hasMore: more.length > 0,
    // When comparing, the other authorities' passages are the point, so they start open.
    showMore: comparing,
    moreTitle: more.length === 1 ? 'Show or hide 1 more passage' : `Show or hide ${more.length} more passages`,
    more,
    hasGlossary: glossary.length > 0,
    glossary: glossary.map((g) => ({ term: g.term, expansion: g.expansion })),
    hasFollowUps: followUps.length > 0,
    followUps,
    noAuthority: !opts.hasAuthority,
    ...feedbackView(best.passage.id, opts.feedback),
    champion: championView(opts.champion),
  });
}

function feedbackView(passageId: string, feedback: AnswerFeedback | undefined) {
  return {
    hasFeedback: feedback !== undefined,
    feedback: { passageId, canShare: Boolean(feedback?.sharedQuestion), question: feedback?.sharedQuestion ?? '' },
  };
}

function championView(part: ChampionPart | undefined) {
  return {
    hasAsk: part?.ask !== undefined,
    ask: part?.ask ?? { title: '', question: '' },
    hasCited: part?.cited !== undefined,
    cited: part?.cited ?? { heading: '', asked: '', answer: '', notPolicy: '' },
  };
}

/** The national helpline, in any spacing: shown on every decline unless the engine's message already gives it. */
const HELPLINE_NUMBER = /0808\s*2000\s*247/;

/** The decline card: the engine's explanation (what is covered), plus where to get help now. Never an invented answer. */
export function declineCard(result: AnswerResult, opts: AnswerCardOptions): Attachment {
  const decline = result.decline;
  const message = decline?.message || 'I could not find a passage in the policies I hold that answers this, so I will not guess.';
  const nearest = (result.nearest ?? []).map((r) => ({
    title: buttonTitle(
      `${r.citation.section.split(' › ').pop() || r.citation.title} (${r.citation.national ? 'national guidance' : r.citation.authorities.map(opts.authorityName).join(', ')})`,
    ),
    passageId: r.passage.id,
  }));
  return renderCard(declineTemplate, {
    hasNearest: nearest.length > 0,
    nearest,
    hasHeading: decline?.reason !== 'empty',
    heading: "I can't answer that from the policies I hold",
    message,
    showHelpline: !HELPLINE_NUMBER.test(message),
    offerSetAuthority: decline?.reason === 'uncovered-authority' || (!opts.hasAuthority && decline?.reason !== 'empty'),
    champion: championView(decline?.reason === 'empty' ? undefined : opts.champion),
  });
}

/** Answer card when the engine answered, decline card otherwise. */
export function resultCard(result: AnswerResult, opts: AnswerCardOptions): Attachment {
  return result.answered && result.results.length > 0 ? answerCard(result, opts) : declineCard(result, opts);
}
