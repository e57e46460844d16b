import type { Attachment } from 'botbuilder';
import type { CompiledService } from '../knowledge/triage/types';
import { contactView } from './contact-view';
import { renderCard } from './render';
import template from './services.json';

/**
 * The services card: services for a need, the asker's authority first, then national helplines,
 * each with phone, email, hours, tap-to-call and email buttons and the document that lists it.
 * A section with none says so. The wording comes from the caller (knowledge/messages.yaml).
 */

/** Teams shows a card of about 28 KB at most: a long list is cut (the tab has them all). */
const MAX_PER_SECTION = 10;

export interface ServicesSection {
  title: string;
  services: readonly CompiledService[];
  /** Shown when the section has no service. */
  none: string;
}

function serviceView(s: CompiledService, links: { publicBaseUrl: string; authorityName: (id: string) => string }) {
  const v = contactView({ role: s.name, phone: s.phone, email: s.email, hours: s.hours, citations: s.citations }, links);
  const facts = s.web ? [...v.facts, { title: 'Website', value: s.web }] : v.facts;
  return { name: s.name, description: s.description, hasFacts: facts.length > 0, facts, hasLinks: v.hasLinks, links: v.links, citations: v.citations };
}

export function servicesCard(input: {
  heading: string;
  intro: string;
  sections: readonly ServicesSection[];
  always: string;
  reminder: string;
  needIds: readonly string[];
  publicBaseUrl: string;
  authorityName: (id: string) => string;
}): Attachment {
  return renderCard(template, {
    heading: input.heading,
    intro: input.intro,
    sections: input.sections.map((s) => ({
      title: s.title,
      empty: s.services.length === 0,
      emptyText: s.none,
      services: s.services.slice(0, MAX_PER_SECTION).map((x) => serviceView(x, input)),
    })),
    always: input.always,
    reminder: input.reminder,
    tabUrl: `${input.publicBaseUrl}/tab/contacts?need=${input.needIds.map(encodeURIComponent).join(',')}`,
  });
}
