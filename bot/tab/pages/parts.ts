import type { CitedContact } from '../../../cards/contact-view';
import type { TriageCitation } from '../../../knowledge/triage/types';
import { libraryHref } from '../data';
import { html, linkPhones, raw, telHref, type Html } from '../html';

/**
 * Short inline source links for dense places (matrix cells): the section's own title is shown,
 * the document title is in the link's accessible name.
 */
export function compactCitations(list: readonly TriageCitation[]): Html {
  const seen = new Set<string>();
  const unique = list.filter((c) => !seen.has(c.passageId) && seen.add(c.passageId));
  if (unique.length === 0) return html``;
  return html` <span class="citations-inline">${unique.map(
    (c) =>
      html`<a class="citation" href="${libraryHref(c.anchor)}">Source<span class="visually-hidden">: ${c.title},</span> ${c.section.split(' › ').pop() || 'opening text'}</a>${c.reviewOverdue ? ' (review overdue)' : ''} `,
  )}</span>`;
}

/** Source links under a contact, route, rule or matrix item: each lands on the cited section in the library. */
export function citations(list: readonly TriageCitation[], label = 'Source'): Html {
  if (list.length === 0) return html``;
  const seen = new Set<string>();
  const unique = list.filter((c) => {
    const key = `${c.passageId}\u0000${c.note ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return html`<div class="citations"><p class="citations-label">${unique.length > 1 ? `${label}s` : label}:</p><ul>
${unique.map(
  (c) =>
    html`<li><a class="citation" href="${libraryHref(c.anchor)}">${c.title}, ${c.section || 'opening text'}</a> <span class="muted">(${c.publisher}, ${c.issued}${c.reviewOverdue ? ', review overdue' : ''})</span>${c.note ? html` <span class="note">${c.note}</span>` : ''}${c.supersededNote ? html` <span class="note"><strong>Note:</strong> ${c.supersededNote}</span>` : ''}</li>`,
)}
</ul></div>`;
}

/** A phone field may hold several numbers with notes ("020 … (helpline) / 020 … (admin)"): link each. */
export function phoneLink(phone: string): Html {
  const linked = linkPhones(phone);
  if (linked.__html.includes('<a ')) return linked;
  const href = telHref(phone);
  return href ? html`<a href="${href}">${phone}</a>` : html`${phone}`;
}

export function emailLink(email: string): Html {
  return html`<a href="mailto:${email}">${email}</a>`;
}

/** External web addresses from the data; only http(s) becomes a link. */
export function webLink(web: string): Html {
  const url = /^https?:\/\//i.test(web) ? web : /^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(web) ? `https://${web}` : undefined;
  return url
    ? html`<a href="${url}" rel="noopener noreferrer" target="_blank">${web}<span class="visually-hidden"> (opens in a new window)</span></a>`
    : html`${web}`;
}

/** One contact: role as heading, tap-to-call and email links, hours, out-of-hours, sources. */
export function contactCard(c: CitedContact, headingLevel: number): Html {
  const h = `h${headingLevel}`;
  return html`<li class="contact">
<${raw(h)} class="contact-role">${c.role}</${raw(h)}>
${c.name ? html`<p class="contact-name">${c.name}</p>` : ''}
<dl class="contact-details">
${c.phone ? html`<dt>Phone</dt><dd>${phoneLink(c.phone)}</dd>` : ''}
${c.email ? html`<dt>Email</dt><dd>${emailLink(c.email)}</dd>` : ''}
${c.hours ? html`<dt>Hours</dt><dd>${c.hours}</dd>` : ''}
${c.outOfHours ? html`<dt>Out of hours</dt><dd>${linkPhones(c.outOfHours)}</dd>` : ''}
</dl>
${citations(c.citations)}
</li>`;
}
