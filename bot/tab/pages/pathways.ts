import {
  PATHWAYS,
  type CompiledAuthority,
  type CompiledContact,
  type CompiledEscalation,
  type CompiledRule,
  type MatrixItem,
  type TriageKnowledge,
} from '../../../knowledge/triage/types';
import { pathwayLabel } from '../data';
import { html, type Html } from '../html';
import { layout } from '../layout';
import { citations, compactCitations, emailLink, phoneLink } from './parts';

export interface PathwaysPageInput {
  triage: TriageKnowledge;
  authorities: CompiledAuthority[];
}

function matrixItems(items: readonly MatrixItem[]): Html {
  if (items.length === 0) return html`<p class="muted">None listed.</p>`;
  return html`<ul class="matrix-items">
${items.map((i) => html`<li>${i.text}${compactCitations(i.citations)}</li>`)}
</ul>`;
}

function matrix(t: TriageKnowledge): Html {
  const m = t.matrix;
  return html`<section id="matrix" class="matrix" tabindex="-1" aria-labelledby="matrix-heading">
<h2 id="matrix-heading">Risk matrix</h2>
<p>${m.note}</p>
<div class="table-wrap" role="region" aria-labelledby="matrix-caption" tabindex="0">
<table>
<caption id="matrix-caption">Barnardo's domestic abuse risk matrix: what each scale looks like and the response it calls for</caption>
<thead>
<tr><th scope="col">Scale</th><th scope="col">Evidence</th><th scope="col">Risk factors</th><th scope="col">Protective factors</th><th scope="col">Response</th></tr>
</thead>
<tbody>
${m.scales.map(
  (s) => html`<tr id="matrix-scale-${s.scale}">
<th scope="row">Scale ${s.scale}: ${s.name}</th>
<td>${matrixItems(s.evidence)}</td>
<td>${matrixItems(s.riskFactors)}</td>
<td>${matrixItems(s.protectiveFactors)}</td>
<td><p>${s.response}</p><p><strong>Pathway:</strong> ${pathwayLabel(s.pathway)}</p><p>${compactCitations(s.citations)}</p></td>
</tr>`,
)}
</tbody>
</table>
</div>
${escalation(m.uplift, 'Raising the scale')}
</section>`;
}

function escalation(e: CompiledEscalation, title: string): Html {
  return html`<div class="escalation">
<h3>${title}</h3>
<p>${e.description}${e.setLevel ? ` Scale ${e.setLevel}.` : e.raiseBy ? ` Raise by ${e.raiseBy} ${e.raiseBy === 1 ? 'scale' : 'scales'}.` : ''}</p>
${citations(e.citations)}
</div>`;
}

function routeContacts(ids: readonly string[], contacts: readonly CompiledContact[]): Html {
  const list = ids.map((id) => contacts.find((c) => c.id === id)).filter((c): c is CompiledContact => c !== undefined);
  if (list.length === 0) return html``;
  return html`<p class="label">Contacts:</p><ul class="route-contacts">
${list.map(
  (c) =>
    html`<li><strong>${c.role}</strong>${c.name ? ` (${c.name})` : ''}${c.phone ? html`: ${phoneLink(c.phone)}` : ''}${c.email ? html`, ${emailLink(c.email)}` : ''}${c.hours ? html` <span class="muted">${c.hours}</span>` : ''}${c.outOfHours ? html` <span class="muted">Out of hours: ${c.outOfHours}</span>` : ''}</li>`,
)}
</ul>`;
}

function steps(list: readonly { text: string; timescale?: string }[]): Html {
  if (list.length === 0) return html``;
  return html`<p class="label">Next steps:</p><ol class="steps">
${list.map((s) => html`<li>${s.text}${s.timescale ? html` <span class="timescale">(${s.timescale})</span>` : ''}</li>`)}
</ol>`;
}

function rule(r: CompiledRule, t: TriageKnowledge, contacts: readonly CompiledContact[]): Html {
  const outcome = [r.level ? `Matrix scale ${r.level}` : '', r.pathway ? pathwayLabel(r.pathway) : ''].filter(Boolean).join(' · ');
  return html`<li class="rule">
<p>${r.description}</p>
${outcome ? html`<p class="muted">${outcome}</p>` : ''}
${r.referrals.length ? html`<p class="label">Referrals:</p><ul>${r.referrals.map((x) => html`<li>${t.referralTypes[x.id]?.label ?? x.id}${x.why ? `: ${x.why}` : ''}</li>`)}</ul>` : ''}
${steps(r.nextSteps)}
${routeContacts(r.contacts, contacts)}
${citations(r.citations)}
</li>`;
}

function authority(a: CompiledAuthority, t: TriageKnowledge): Html {
  return html`<section class="authority" id="pathways-${a.id}" tabindex="-1" aria-labelledby="pathways-${a.id}-h">
<h2 id="pathways-${a.id}-h">${a.name}</h2>
${PATHWAYS.map((p) => {
  const r = a.routes[p];
  if (!r) return '';
  return html`<div class="route" id="pathways-${a.id}-${p}">
<h3>${pathwayLabel(p)}</h3>
<p>${r.summary}</p>
${routeContacts(r.contacts, a.contacts)}
${steps(r.nextSteps)}
${citations(r.citations)}
</div>`;
})}
${a.rules.length ? html`<h3>Local rules</h3><ul class="rules">${a.rules.map((r) => rule(r, t, a.contacts))}</ul>` : ''}
<p><a href="/tab/contacts#authority-${a.id}">All ${a.name} contacts</a></p>
</section>`;
}

export function pathwaysPage(input: PathwaysPageInput): string {
  const t = input.triage;
  const body = html`<p>The risk matrix that grades domestic abuse concerns, then each authority's route for every pathway, with its contacts and local rules. Every item links to the section of the document it comes from.</p>
<nav class="jump" aria-label="On this page">
<ul>
<li><a href="#matrix">Risk matrix</a></li>
${input.authorities.map((a) => html`<li><a href="#pathways-${a.id}">${a.name}</a></li>`)}
${t.national.rules.length ? html`<li><a href="#national-rules">Rules that apply everywhere</a></li>` : ''}
</ul>
</nav>
${matrix(t)}
${input.authorities.map((a) => authority(a, t))}
${
  t.national.rules.length || t.national.escalations.length
    ? html`<section class="authority" id="national-rules" tabindex="-1" aria-labelledby="national-rules-h">
<h2 id="national-rules-h">Rules that apply everywhere</h2>
${t.national.rules.length ? html`<ul class="rules">${t.national.rules.map((r) => rule(r, t, t.national.contacts))}</ul>` : ''}
${t.national.escalations.map((e) => escalation(e, 'Escalation'))}
</section>`
    : ''
}
<p class="disclaimer">${t.disclaimer}</p>`;
  return layout({ page: 'pathways', title: 'Pathways', body });
}
