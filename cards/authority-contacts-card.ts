import type { Attachment } from 'botbuilder';
import { contactView, type ContactData } from './contact-view';
import template from './authority-contacts.json';
import { renderCard } from './render';

/**
 * The contacts card: an authority's safeguarding contacts from the triage knowledge (role, name,
 * tap-to-call and email buttons, hours, out of hours), each with the citation of the document it
 * comes from, and the national emergency contacts first. Plain data in; nothing here knows any
 * authority.
 */

export interface ContactsCardInput {
  authority: { id: string; name: string };
  contacts: readonly ContactData[];
  /** National contacts (e.g. police in an emergency), shown first. */
  national: readonly ContactData[];
  publicBaseUrl: string;
  authorityName: (id: string) => string;
}

export function authorityContactsCard(input: ContactsCardInput): Attachment {
  const sections = [
    { title: 'In an emergency', contacts: input.national },
    { title: `${input.authority.name} contacts`, contacts: input.contacts },
  ]
    .filter((s) => s.contacts.length > 0)
    .map((s) => ({ title: s.title, contacts: s.contacts.map((c) => contactView(c, input)) }));
  return renderCard(template, {
    heading: `Safeguarding contacts: ${input.authority.name}`,
    intro: 'From the policy documents, each with its source. Check a number against the document before you rely on it.',
    sections,
    reminder: 'Guidance only — check the full document and follow your local procedures.',
    tabUrl: `${input.publicBaseUrl}/tab/contacts#authority-${encodeURIComponent(input.authority.id)}`,
  });
}
