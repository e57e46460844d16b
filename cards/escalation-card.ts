import type { Attachment } from 'botbuilder';
import type { EscalationEntryView, EscalationSectionView } from '../knowledge/routes';
import type { TriageCitation } from '../knowledge/triage/types';
import { citationLine, libraryUrl } from './citation-text';
import compareTemplate from './escalation-compare.json';
import template from './escalation.json';
import { renderCard } from './render';

/**
 * The escalation card (one authority: who to go to and when, professional disagreements,
 * decisions that need a manager) and the compare card (one topic across authorities). Every
 * point carries the passage it comes from; a topic an authority's documents do not cover shows
 * the "do not say" line instead. The wording comes from the caller (knowledge/messages.yaml).
 */

export interface EscalationWords {
  heading: string;
  intro: string;
  reminder: string;
  /** "When: …" with the document's words filled in. */
  when: (when: string) => string;
  /** "The <authority> documents do not say." */
  silent: string;
}

export interface CardLinks {
  publicBaseUrl: string;
  authorityName: (id: string) => string;
}

/** One contact as a single line: role, name, phone, email, hours, out of hours. */
function contactLine(c: EscalationEntryView['contactDetails'][number]): string {
  const name = c.name && !c.role.toLowerCase().includes(c.name.toLowerCase()) ? c.name : undefined;
  return [c.role, name, c.phone, c.email, c.hours, c.outOfHours ? `out of hours ${c.outOfHours}` : undefined].filter(Boolean).join(' · ');
}

function citationView(c: TriageCitation, links: CardLinks) {
  return { text: `“${c.quote}” · ${citationLine(c, links.authorityName)}`, url: libraryUrl(links.publicBaseUrl, c.anchor) };
}

function entryView(e: EscalationEntryView, words: Pick<EscalationWords, 'when'>, links: CardLinks, topicLabel?: string) {
  return {
    hasTopic: Boolean(topicLabel),
    topicLabel: topicLabel ?? '',
    what: e.what,
    hasWhen: Boolean(e.when),
    when: e.when ? words.when(e.when) : '',
    contacts: e.contactDetails.map((c) => ({ line: contactLine(c) })),
    citations: e.citations.map((c) => citationView(c, links)),
  };
}

export function escalationCard(input: {
  authority: { id: string; name: string };
  sections: readonly EscalationSectionView[];
  words: EscalationWords;
  links: CardLinks;
}): Attachment {
  const { words, links } = input;
  return renderCard(template, {
    heading: words.heading,
    intro: words.intro,
    sections: input.sections.map((s) => ({
      label: s.label,
      topics: s.topics.map((t) => ({
        label: t.label,
        silent: t.entries.length === 0,
        silentText: words.silent,
        entries: t.entries.map((e) => entryView(e, words, links)),
      })),
    })),
    reminder: words.reminder,
    tabUrl: `${links.publicBaseUrl}/tab/pathways#pathways-${encodeURIComponent(input.authority.id)}`,
  });
}

export interface CompareRow {
  name: string;
  entries: readonly EscalationEntryView[];
  /** "The <authority> documents do not say." */
  silent: string;
}

export function compareCard(input: {
  heading: string;
  intro: string;
  reminder: string;
  rows: readonly CompareRow[];
  /** Topic id → label, shown above each point when the comparison gathers several topics. */
  topicLabels?: ReadonlyMap<string, string>;
  when: (when: string) => string;
  links: CardLinks;
}): Attachment {
  return renderCard(compareTemplate, {
    heading: input.heading,
    intro: input.intro,
    authorities: input.rows.map((r) => ({
      name: r.name,
      silent: r.entries.length === 0,
      silentText: r.silent,
      entries: r.entries.map((e) => entryView(e, { when: input.when }, input.links, input.topicLabels?.get(e.topic))),
    })),
    reminder: input.reminder,
  });
}
