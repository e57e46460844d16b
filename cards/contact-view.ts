import type { CompiledContact, TriageCitation } from '../knowledge/triage/types';
import type { Citation } from '../knowledge/types';
import { numbersIn } from '../knowledge/text/phone-numbers';
import { citationLine, libraryUrl } from './citation-text';

/** One contact as every card shows it: role, name, phone, email, hours, tap-to-call and email buttons, sources. */

/** A contact as the triage knowledge holds it; any citation will do for the card's source lines. */
export type ContactData = Pick<CompiledContact, 'role' | 'name' | 'phone' | 'email' | 'hours' | 'outOfHours'> & {
  citations: readonly Citation[];
};

/** A contact with triage citations (passage ids), as the triage result, the 999 card and the tab list them. */
export type CitedContact = ContactData & { citations: readonly TriageCitation[] };

export interface ContactLink {
  title: string;
  url: string;
}

/** Buttons per contact: Teams shows a handful of actions in a row. */
const MAX_LINKS = 5;
const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** "020 7974 3317" → "tel:+442079743317"; short codes (999, 101) stay as they are. */
export function telUrl(number: string): string {
  const digits = number.replace(/[^\d+]/g, '');
  return `tel:${/^0\d{9,10}$/.test(digits) ? `+44${digits.slice(1)}` : digits}`;
}

/** The dialable phone numbers in a field as written; a truncated number is left as text, never a button. */
export function phoneNumbers(text: string): { number: string; note?: string }[] {
  return numbersIn(text)
    .filter((n) => n.dialable)
    .map(({ number, note }) => (note ? { number, note } : { number }));
}

export function emailAddresses(text: string): string[] {
  return [...text.matchAll(EMAIL_RE)].map((m) => m[0]);
}

/** Tap-to-call (tel:) and email (mailto:) buttons for a contact, out of hours included. */
export function contactLinks(c: ContactData): ContactLink[] {
  const links: ContactLink[] = [];
  const seen = new Set<string>();
  const add = (title: string, url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    links.push({ title, url });
  };
  for (const p of phoneNumbers(c.phone ?? '')) add(p.note ? `Call ${p.note}: ${p.number}` : `Call ${p.number}`, telUrl(p.number));
  for (const e of emailAddresses(c.email ?? '')) add(`Email ${e}`, `mailto:${e}`);
  for (const p of phoneNumbers(c.outOfHours ?? '')) add(`Call out of hours: ${p.number}`, telUrl(p.number));
  for (const e of emailAddresses(c.outOfHours ?? '')) add(`Email out of hours: ${e}`, `mailto:${e}`);
  return links.slice(0, MAX_LINKS);
}

export function contactView(c: ContactData, opts: { publicBaseUrl: string; authorityName: (id: string) => string }) {
  const facts = [
    { title: 'Phone', value: c.phone },
    { title: 'Email', value: c.email },
    { title: 'Hours', value: c.hours },
    { title: 'Out of hours', value: c.outOfHours },
  ].filter((f): f is { title: string; value: string } => Boolean(f.value?.trim()));
  const links = contactLinks(c);
  const name = c.name?.trim() ?? '';
  const citations = new Map<string, { text: string; url: string }>();
  for (const cite of c.citations) {
    const text = citationLine(cite, opts.authorityName);
    if (!citations.has(text)) citations.set(text, { text, url: libraryUrl(opts.publicBaseUrl, cite.anchor) });
  }
  return {
    role: c.role,
    // A name that only repeats the role adds nothing.
    hasName: Boolean(name) && !c.role.toLowerCase().includes(name.toLowerCase()),
    name,
    hasFacts: facts.length > 0,
    facts,
    hasLinks: links.length > 0,
    links,
    citations: [...citations.values()],
  };
}
