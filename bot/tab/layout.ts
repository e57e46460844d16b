import { html, type Html } from './html';

export type TabPage = 'library' | 'contacts' | 'pathways';

const PAGES: { id: TabPage; label: string }[] = [
  { id: 'library', label: 'Library' },
  { id: 'contacts', label: 'Contacts and services' },
  { id: 'pathways', label: 'Pathways' },
];

/**
 * The shared page shell: skip link, landmarks, the page navigation, and the reminder that this
 * is guidance and must not be given identifying details. `data-theme="auto"` follows the
 * browser (light or dark) until tab.js learns the Teams theme.
 */
export function layout(opts: { page: TabPage; title: string; body: Html }): string {
  const { page, title, body } = opts;
  return html`<!doctype html>
<html lang="en-GB" data-theme="auto">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} – Safeguarding Policy Assistant</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/tab/static/tab.css">
<script src="/tab/static/MicrosoftTeams.min.js" defer></script>
<script src="/tab/static/tab.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<p class="app-name">Safeguarding Policy Assistant</p>
<nav aria-label="Tab pages">
<ul class="tab-nav">
${PAGES.map((p) => html`<li><a href="/tab/${p.id}"${p.id === page ? html` aria-current="page"` : ''}>${p.label}</a></li>`)}
</ul>
</nav>
</header>
<aside class="notice" aria-label="Before you use this">
<p><strong>Guidance, not a decision.</strong> Use your professional judgement and follow your local safeguarding procedures; talk to your manager or designated safeguarding lead. If anyone is in immediate danger, call <a href="tel:999">999</a>.</p>
<p><strong>Do not enter identifying details</strong> (names, addresses, dates of birth) in any search box. Describe things in general terms.</p>
</aside>
<main id="main" tabindex="-1">
<h1>${title}</h1>
${body}
</main>
<footer class="site-footer">
<p>Every statement here comes from a cited source document. Check the document's date and review notice before relying on it.</p>
</footer>
</body>
</html>
`.__html;
}
