import type { CompiledAuthority, CompiledContact, CompiledService } from '../../../knowledge/triage/types';
import type { NeedOption } from '../data';
import { html, type Html } from '../html';
import { layout } from '../layout';
import { citations, contactCard, emailLink, phoneLink, webLink } from './parts';

export interface ContactsPageInput {
  authorities: CompiledAuthority[];
  services: CompiledService[];
  /** Contacts that apply everywhere (national helplines). */
  national: CompiledContact[];
  needs: NeedOption[];
  /** Needs chosen; services matching none of them are rendered hidden. */
  selected: string[];
  authorityName: (id: string) => string;
  /** Shown above the filter when the request was rejected (the page is then sent with status 400). */
  error?: string;
}

function service(s: CompiledService, input: ContactsPageInput, shown: boolean): Html {
  const labelOf = (id: string) => input.needs.find((n) => n.id === id)?.label ?? id;
  return html`<li class="service" id="service-${s.id}" data-needs="${s.needs.join(' ')}"${shown ? '' : ' hidden'}>
<h3>${s.name}</h3>
<p>${s.description}</p>
<dl class="contact-details">
${s.phone ? html`<dt>Phone</dt><dd>${phoneLink(s.phone)}</dd>` : ''}
${s.email ? html`<dt>Email</dt><dd>${emailLink(s.email)}</dd>` : ''}
${s.web ? html`<dt>Web</dt><dd>${webLink(s.web)}</dd>` : ''}
${s.hours ? html`<dt>Hours</dt><dd>${s.hours}</dd>` : ''}
<dt>For</dt><dd>${s.needs.map(labelOf).join(', ')}</dd>
<dt>Area</dt><dd>${s.authorities.length ? s.authorities.map(input.authorityName).join(', ') : 'National'}</dd>
</dl>
${citations(s.citations)}
</li>`;
}

function servicesSection(input: ContactsPageInput): Html {
  const shownCount = input.services.filter((s) => input.selected.length === 0 || s.needs.some((n) => input.selected.includes(n))).length;
  const status = input.selected.length === 0 ? `Showing all ${input.services.length} services.` : `Showing ${shownCount} of ${input.services.length} services.`;
  return html`<section id="services" class="services" tabindex="-1" aria-labelledby="services-heading">
<h2 id="services-heading">Specialist services</h2>
<form class="need-filter" method="get" action="/tab/contacts#services">
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
<fieldset>
<legend>Show services for these needs</legend>
<p class="hint" id="need-hint">Choose one or more. With none chosen, every service is shown.</p>
<ul class="checkboxes">
${input.needs.map(
  (n) =>
    html`<li><input type="checkbox" name="need" value="${n.id}" id="need-${n.id}" aria-describedby="need-hint"${input.selected.includes(n.id) ? ' checked' : ''}><label for="need-${n.id}">${n.label}</label></li>`,
)}
</ul>
</fieldset>
<div class="actions">
<button type="submit" class="apply-filter">Apply filter</button>
<a href="/tab/contacts#services" class="clear-filter">Show all services</a>
</div>
</form>
<p id="services-status" role="status" aria-live="polite">${status}</p>
<ul class="service-list">
${input.services.map((s) => service(s, input, input.selected.length === 0 || s.needs.some((n) => input.selected.includes(n))))}
</ul>
</section>`;
}

function authoritySection(a: CompiledAuthority): Html {
  return html`<section class="authority" id="authority-${a.id}" tabindex="-1" aria-labelledby="authority-${a.id}-h">
<h2 id="authority-${a.id}-h">${a.name}</h2>
${a.contacts.length ? html`<ul class="contact-list">${a.contacts.map((c) => contactCard(c, 3))}</ul>` : html`<p>No contacts are recorded for ${a.name}.</p>`}
<p><a href="/tab/pathways#pathways-${a.id}">${a.name} referral and escalation routes</a></p>
</section>`;
}

export function contactsPage(input: ContactsPageInput): string {
  const body = html`<p>Safeguarding contacts for each authority and specialist services, each with the document it comes from. Phone numbers and email addresses open your phone or mail app.</p>
<nav class="jump" aria-label="On this page">
<ul>
<li><a href="#services">Specialist services</a></li>
${input.authorities.map((a) => html`<li><a href="#authority-${a.id}">${a.name}</a></li>`)}
${input.national.length ? html`<li><a href="#national-contacts">National contacts</a></li>` : ''}
</ul>
</nav>
${servicesSection(input)}
${input.authorities.map(authoritySection)}
${
  input.national.length
    ? html`<section class="authority" id="national-contacts" tabindex="-1" aria-labelledby="national-contacts-h">
<h2 id="national-contacts-h">National contacts</h2>
<ul class="contact-list">${input.national.map((c) => contactCard(c, 3))}</ul>
</section>`
    : ''
}`;
  return layout({ page: 'contacts', title: 'Contacts and services', body });
}
