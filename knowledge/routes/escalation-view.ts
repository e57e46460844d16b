import type { CompiledAuthority, CompiledContact, CompiledEscalationRoute, EscalationTopics } from '../triage/types';

/**
 * An authority's escalation routes grouped for a card: each section, each topic in it, and the
 * authority's entries for that topic with their contacts, or none (the documents are silent;
 * the card says so). Nothing is borrowed from another authority.
 */

export interface EscalationEntryView extends CompiledEscalationRoute {
  contactDetails: CompiledContact[];
}

export interface EscalationTopicView {
  id: string;
  label: string;
  entries: EscalationEntryView[];
}

export interface EscalationSectionView {
  id: string;
  label: string;
  topics: EscalationTopicView[];
}

/** One authority's entries for some topics, with the contacts they name. */
export function entriesFor(a: CompiledAuthority, topics: readonly string[]): EscalationEntryView[] {
  const byId = new Map(a.contacts.map((c) => [c.id, c]));
  return (a.escalation ?? [])
    .filter((e) => topics.includes(e.topic))
    .sort((x, y) => topics.indexOf(x.topic) - topics.indexOf(y.topic))
    .map((e) => ({ ...e, contactDetails: e.contacts.flatMap((id) => byId.get(id) ?? []) }));
}

export function escalationSections(a: CompiledAuthority, e: EscalationTopics): EscalationSectionView[] {
  return e.sections.map((s) => ({
    id: s.id,
    label: s.label,
    topics: e.topics.filter((t) => t.section === s.id).map((t) => ({ id: t.id, label: t.label, entries: entriesFor(a, [t.id]) })),
  }));
}
