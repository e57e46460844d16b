import type { Citation, Passage } from '../../../knowledge/types';
import type { GlossaryItem, LibraryDocument, LibrarySection } from '../data';
import { html, join, raw, type Html } from '../html';
import { layout } from '../layout';

export interface SearchHit {
  passage: Passage;
  citation: Citation;
  score: number;
  highlights: string[];
}

export interface LibrarySearch {
  q: string;
  authority?: string;
  skip: number;
  count: number;
  total: number;
  items: SearchHit[];
}

export interface LibraryPageInput {
  documents: LibraryDocument[];
  glossary: GlossaryItem[];
  authorities: { id: string; name: string }[];
  search?: LibrarySearch;
  /** Shown above the form when the query was rejected (the page is then sent with status 400). */
  error?: string;
  query?: { q?: string; authority?: string };
}

function paragraphs(text: string): Html {
  return join(
    text
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => html`<p>${line}</p>`),
  );
}

function documentMeta(d: LibraryDocument): Html {
  return html`<dl class="doc-meta">
<dt>Publisher</dt><dd>${d.publisher}</dd>
<dt>Covers</dt><dd>${d.authorityNames.length ? d.authorityNames.join(', ') : 'National guidance (all authorities)'}</dd>
<dt>Issued</dt><dd>${d.issued}</dd>
${d.reviewDue ? html`<dt>Review due</dt><dd>${d.reviewDue}</dd>` : ''}
${d.url ? html`<dt>Source</dt><dd><a href="${d.url}" rel="noopener noreferrer" target="_blank">${d.url}<span class="visually-hidden"> (opens in a new window)</span></a></dd>` : ''}
</dl>
${d.reviewOverdue ? html`<p class="warning"><strong>Review overdue:</strong> this document was due for review by ${d.reviewDue}. Check with your service that it is still current.${d.reviewNote ? html` ${d.reviewNote}` : ''}</p>` : d.reviewNote ? html`<p class="note">${d.reviewNote}</p>` : ''}
${d.national ? html`<p class="note">Written by this project from public law and national guidance, to state facts the local documents assume.</p>` : ''}`;
}

function headingTag(depth: number): string {
  return `h${Math.min(6, 2 + depth)}`;
}

/** A document's sections, with headings for parent sections that hold no passages of their own. */
function documentSections(d: LibraryDocument): Html {
  const emitted = new Set<string>();
  const out: Html[] = [];
  for (const s of d.sections) {
    const depth = Math.max(1, s.path.length);
    for (let i = 0; i < s.path.length - 1; i++) {
      const key = s.path.slice(0, i + 1).join('\u0000');
      if (emitted.has(key)) continue;
      emitted.add(key);
      const tag = headingTag(i + 1);
      out.push(html`<${raw(tag)} class="section-parent">${s.path[i]}</${raw(tag)}>`);
    }
    emitted.add(s.path.join('\u0000'));
    out.push(section(s, depth));
  }
  return join(out);
}

function section(s: LibrarySection, depth: number): Html {
  const tag = raw(headingTag(depth));
  const title = s.path[s.path.length - 1] ?? 'Opening text';
  return html`<section class="doc-section" id="${s.anchor}" tabindex="-1">
<${tag} id="${s.anchor}--h">${title}</${tag}>
${s.path.length > 1 ? html`<p class="section-path">${s.section}</p>` : ''}
${s.passages.map((p) => html`<div class="passage" data-passage="${p.id}">${paragraphs(p.display || p.text)}</div>`)}
</section>`;
}

function contents(documents: LibraryDocument[], hasGlossary: boolean): Html {
  return html`<nav class="toc" aria-labelledby="toc-heading">
<h2 id="toc-heading">Contents</h2>
<ul>
${documents.map(
  (d) => html`<li><a href="#doc-${d.id}">${d.title}</a>${d.authorityNames.length ? html` <span class="muted">(${d.authorityNames.join(', ')})</span>` : ''}
<details><summary>Sections<span class="visually-hidden"> of ${d.title}</span></summary>
<ul>${d.sections.map((s) => html`<li><a href="#${s.anchor}">${s.path.length ? s.section : 'Opening text'}</a></li>`)}</ul>
</details></li>`,
)}
${hasGlossary ? html`<li><a href="#glossary">Glossary</a></li>` : ''}
</ul>
</nav>`;
}

function searchForm(input: LibraryPageInput): Html {
  const q = input.search?.q ?? input.query?.q ?? '';
  const authority = input.search?.authority ?? input.query?.authority ?? '';
  return html`<form class="search" role="search" method="get" action="/tab/library#results" aria-labelledby="search-heading">
<h2 id="search-heading">Search the policies</h2>
${input.error ? html`<p class="error" id="search-error" role="alert">${input.error}</p>` : ''}
<div class="field">
<label for="q">Words to look for</label>
<input type="search" id="q" name="q" value="${q}" maxlength="200" autocomplete="off" spellcheck="true" aria-describedby="q-hint${input.error ? ' search-error' : ''}">
<p class="hint" id="q-hint">For example: MARAC referral threshold. Never type names or other identifying details.</p>
</div>
<div class="field">
<label for="authority">Authority first</label>
<select id="authority" name="authority">
<option value="">Any authority</option>
${input.authorities.map((a) => html`<option value="${a.id}"${a.id === authority ? ' selected' : ''}>${a.name}</option>`)}
</select>
</div>
<button type="submit">Search</button>
</form>`;
}

function pageLink(s: LibrarySearch, skip: number, label: string): Html {
  const params = new URLSearchParams({ q: s.q });
  if (s.authority) params.set('authority', s.authority);
  if (skip > 0) params.set('skip', String(skip));
  if (s.count !== 10) params.set('count', String(s.count));
  return html`<a href="/tab/library?${params.toString()}#results">${label}</a>`;
}

function results(s: LibrarySearch, nameOf: (id: string) => string): Html {
  const first = s.skip + 1;
  const last = s.skip + s.items.length;
  const summary =
    s.total === 0
      ? 'No passages matched. Try other words, or browse the contents below.'
      : `Showing ${first} to ${last} of ${s.total} matching passages, best first.`;
  return html`<section class="results" id="results" tabindex="-1" aria-labelledby="results-heading">
<h2 id="results-heading">Search results</h2>
<p role="status">${summary}</p>
<ol class="result-list" start="${first}">
${s.items.map(
  (hit) => html`<li class="result">
<p class="result-title"><a class="result-link" href="#${hit.passage.anchor}">${hit.citation.title}: ${hit.passage.section || 'Opening text'}</a></p>
<p class="muted">${hit.citation.authorities.length ? hit.citation.authorities.map(nameOf).join(', ') : 'National guidance'} · ${hit.citation.publisher} · issued ${hit.citation.issued}${hit.citation.reviewOverdue ? html` · <strong>review overdue</strong>` : ''}</p>
<blockquote>${paragraphs(hit.highlights.length ? hit.highlights.join('\n') : hit.passage.display)}</blockquote>
${hit.citation.supersededNote ? html`<p class="note"><strong>Note:</strong> ${hit.citation.supersededNote}</p>` : ''}
</li>`,
)}
</ol>
${
  s.total > s.count
    ? html`<nav class="pager" aria-label="Result pages"><ul>
${s.skip > 0 ? html`<li>${pageLink(s, Math.max(0, s.skip - s.count), 'Previous results')}</li>` : ''}
${last < s.total ? html`<li>${pageLink(s, last, 'More results')}</li>` : ''}
</ul></nav>`
    : ''
}
</section>`;
}

function glossary(items: GlossaryItem[]): Html {
  return html`<section class="glossary" id="glossary" tabindex="-1" aria-labelledby="glossary-heading">
<h2 id="glossary-heading">Glossary</h2>
<dl>
${items.map(
  (g) => html`<dt id="${g.anchor}">${g.term}</dt>
<dd><span class="expansion">${g.expansion}</span>${g.explanation ? html`. ${g.explanation}` : ''}</dd>`,
)}
</dl>
</section>`;
}

export function libraryPage(input: LibraryPageInput): string {
  const body = html`${searchForm(input)}
${input.search ? results(input.search, (id) => input.authorities.find((a) => a.id === id)?.name ?? id) : ''}
${contents(input.documents, input.glossary.length > 0)}
${input.documents.map(
  (d) => html`<article class="document" id="doc-${d.id}" aria-labelledby="doc-${d.id}--h">
<h2 id="doc-${d.id}--h">${d.title}</h2>
${documentMeta(d)}
${documentSections(d)}
</article>`,
)}
${input.glossary.length ? glossary(input.glossary) : ''}`;
  return layout({ page: 'library', title: 'Policy library', body });
}
