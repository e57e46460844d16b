import { filterServices } from '../../bot/tab/data';
import { esc, html, linkPhones } from '../../bot/tab/html';
import { isReviewOverdue } from '../../knowledge/search';
import { idsIn, libraryLinks, PUBLIC_BASE_URL, startTab, type RunningTab } from './harness';

let tab: RunningTab;
const pages: Record<string, string> = {};

async function get(path: string): Promise<{ status: number; type: string; headers: Headers; body: string }> {
  const res = await fetch(tab.url + path, { redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, body: await res.text() };
}

async function page(path: string): Promise<string> {
  if (!pages[path]) {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/html/);
    pages[path] = res.body;
  }
  return pages[path]!;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read arbitrary JSON shapes
async function json(path: string): Promise<{ status: number; body: any }> {
  const res = await get(path);
  expect(res.type).toMatch(/^application\/json/);
  return { status: res.status, body: JSON.parse(res.body) };
}

const SIX = ['sutton', 'lambeth', 'stoke-on-trent', 'staffordshire', 'camden', 'wandsworth'];

beforeAll(async () => {
  tab = await startTab();
});

afterAll(async () => {
  await tab?.close();
});

describe('html helpers', () => {
  it('escapes interpolated text and attributes', () => {
    expect(html`<p title="${'"x"'}">${'<script>alert(1)</script>'}</p>`.__html).toBe('<p title="&quot;x&quot;">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(esc(`a&b'c`)).toBe('a&amp;b&#39;c');
  });

  it('turns each phone number in a field into its own tap-to-call link', () => {
    expect(linkPhones('020 7974 8832 / 020 7974 8791 (admin)').__html).toBe(
      '<a href="tel:02079748832">020 7974 8832</a> / <a href="tel:02079748791">020 7974 8791</a> (admin)',
    );
  });
});

describe('shared layout', () => {
  it.each(['/tab/library', '/tab/contacts', '/tab/pathways'])('%s has a skip link, landmarks, the reminder banner and the tab script', async (path) => {
    const body = await page(path);
    expect(body).toMatch(/<html lang="en-GB" data-theme="auto">/);
    expect(body).toMatch(/<a class="skip-link" href="#main">/);
    expect(body).toMatch(/<main id="main"/);
    expect(body).toMatch(/<nav aria-label="Tab pages">/);
    expect(body).toMatch(/aria-current="page"/);
    expect(body).toMatch(/Do not enter identifying details/);
    expect(body).toMatch(/Guidance, not a decision/);
    expect(body).toContain('<script src="/tab/static/MicrosoftTeams.min.js" defer></script>');
    expect(body).toContain('<script src="/tab/static/tab.js" defer></script>');
    expect(body).toMatch(/<h1>/);
    const ids = idsIn(body);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('sends a CSP that lets Teams frame the page, and keeps queries out of Referer', async () => {
    const res = await get('/tab/library');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors [^;]*https:\/\/teams\.microsoft\.com/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('serves tab.js, tab.css and the teams-js bundle', async () => {
    const js = await get('/tab/static/tab.js');
    expect(js.status).toBe(200);
    expect(js.type).toMatch(/javascript/);
    expect(js.body).toMatch(/microsoftTeams/);
    const css = await get('/tab/static/tab.css');
    expect(css.type).toMatch(/text\/css/);
    expect(css.body).toMatch(/\[data-theme='contrast'\]/);
    const sdk = await get('/tab/static/MicrosoftTeams.min.js');
    expect(sdk.status).toBe(200);
    expect(sdk.body).toMatch(/registerOnThemeChangeHandler/);
  });

  it('redirects /tab to the library', async () => {
    const res = await get('/tab');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/tab/library');
  });
});

describe('library', () => {
  it('has an element for every passage anchor, so every citation link lands', async () => {
    const ids = new Set(idsIn(await page('/tab/library')));
    const anchors = new Set(tab.kb.store.passages.map((p) => p.anchor));
    expect(anchors.size).toBeGreaterThan(50);
    expect([...anchors].filter((a) => !ids.has(a))).toEqual([]);
  });

  it('lists every document with its metadata, a contents list and a review notice where due', async () => {
    const body = await page('/tab/library');
    for (const d of tab.kb.store.documents) {
      expect(body).toContain(`id="doc-${d.id}"`);
      expect(body).toContain(`href="#doc-${d.id}"`);
      expect(body).toContain(esc(d.title));
      expect(body).toContain(esc(d.publisher));
      expect(body).toContain(`<dd>${esc(d.issued)}</dd>`);
    }
    expect(body).toMatch(/<nav class="toc" aria-labelledby="toc-heading">/);
    const overdue = tab.kb.store.documents.filter((d) => isReviewOverdue(d.reviewDue, new Date()));
    if (overdue.length) expect(body).toMatch(/Review overdue:/);
  });

  it('has the sections in passage order, each with its passages', async () => {
    const body = await page('/tab/library');
    const ids = idsIn(body);
    for (const d of tab.kb.store.documents) {
      const order = [
        ...new Set(
          tab.kb.store.passages
            .filter((p) => p.docId === d.id)
            .sort((a, b) => a.ordinal - b.ordinal)
            .map((p) => p.anchor),
        ),
      ];
      const positions = order.map((a) => ids.indexOf(a));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    const sample = tab.kb.store.passages[Math.floor(tab.kb.store.passages.length / 2)]!;
    expect(body).toContain(`data-passage="${esc(sample.id)}"`);
  });

  it('has the glossary with an anchor per term', async () => {
    const body = await page('/tab/library');
    expect(body).toContain('id="glossary"');
    for (const g of tab.kb.store.glossary)
      expect(body).toMatch(new RegExp(`<dt id="glossary-[a-z0-9-]+">${esc(g.term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</dt>`));
  });

  it('has a labelled search form that works without script', async () => {
    const body = await page('/tab/library');
    expect(body).toMatch(/<form class="search" role="search" method="get" action="\/tab\/library#results"/);
    expect(body).toMatch(/<label for="q">/);
    expect(body).toMatch(/<label for="authority">/);
    for (const id of SIX) expect(body).toContain(`<option value="${id}"`);
  });

  it('renders search results server-side, each linking to an anchor on the page', async () => {
    const res = await get('/tab/library?q=MARAC+referral&authority=camden');
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/<section class="results" id="results"/);
    expect(res.body).toMatch(/role="status">Showing 1 to \d+ of \d+ matching passages/);
    const ids = new Set(idsIn(res.body));
    const links = [...res.body.matchAll(/class="result-link" href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((a) => !ids.has(a))).toEqual([]);
    expect(res.body).toMatch(/<option value="camden" selected>/);
  });

  it('pages search results', async () => {
    const res = await get('/tab/library?q=domestic+abuse&count=3');
    expect(res.body).toMatch(/Showing 1 to 3 of/);
    expect(res.body).toMatch(/href="\/tab\/library\?q=domestic\+abuse&amp;skip=3&amp;count=3#results">More results/);
    const next = await get('/tab/library?q=domestic+abuse&count=3&skip=3');
    expect(next.body).toMatch(/Showing 4 to 6 of/);
    expect(next.body).toMatch(/<ol class="result-list" start="4">/);
  });

  it('escapes what was typed', async () => {
    const res = await get(`/tab/library?q=${encodeURIComponent('<script>alert(1)</script> MARAC')}`);
    expect(res.status).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt; MARAC"');
  });

  it('rejects a bad search with 400 and says why', async () => {
    const long = await get(`/tab/library?q=${'a'.repeat(201)}`);
    expect(long.status).toBe(400);
    expect(long.body).toMatch(/role="alert">q: at most 200 characters/);
    const badAuthority = await get('/tab/library?q=MARAC&authority=atlantis');
    expect(badAuthority.status).toBe(400);
    expect(badAuthority.body).toMatch(/authority: unknown authority/);
  });
});

describe('contacts and services', () => {
  it('lists all six authorities with tap-to-call and email links and sources', async () => {
    const body = await page('/tab/contacts');
    for (const id of SIX) {
      expect(body).toContain(`id="authority-${id}"`);
      const a = tab.triage.authorities[id]!;
      expect(a.contacts.length).toBeGreaterThan(0);
      expect(body).toContain(esc(a.name));
      for (const c of a.contacts) {
        expect(body).toContain(esc(c.role));
        if (c.email) expect(body).toContain(`href="mailto:${esc(c.email)}"`);
        if (c.outOfHours) expect(body).toContain('<dt>Out of hours</dt>');
      }
    }
    expect(body).toMatch(/href="tel:\+?\d{3,}"/);
  });

  it('lists every specialist service, with a labelled checkbox per need', async () => {
    const body = await page('/tab/contacts');
    for (const s of tab.triage.services) expect(body).toContain(`id="service-${s.id}"`);
    expect(body).toMatch(/<fieldset>\s*<legend>Show services for these needs<\/legend>/);
    const needs = new Set(tab.triage.services.flatMap((s) => s.needs));
    for (const n of [
      'lgbt',
      'male-victims',
      'honour-based-abuse-forced-marriage',
      'fgm',
      'deaf',
      'older-people',
      'faith-community',
      'perpetrator-programme',
      'children',
    ]) {
      expect(needs).toContain(n);
    }
    for (const n of needs) {
      expect(body).toContain(`<input type="checkbox" name="need" value="${n}" id="need-${n}"`);
      expect(body).toContain(`<label for="need-${n}">`);
    }
    expect(body).toMatch(/Showing all \d+ services\./);
  });

  it('filters services by need without script (?need=), hiding the others', async () => {
    const res = await get('/tab/contacts?need=lgbt&need=deaf');
    expect(res.status).toBe(200);
    const expected = filterServices(tab.triage.services, ['lgbt', 'deaf']).map((s) => s.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(tab.triage.services.length);
    const shown = [...res.body.matchAll(/<li class="service" id="service-([^"]+)" data-needs="[^"]*">/g)].map((m) => m[1]);
    expect(shown.sort()).toEqual([...expected].sort());
    expect(res.body).toContain(`Showing ${expected.length} of ${tab.triage.services.length} services.`);
    expect(res.body).toMatch(/value="lgbt" id="need-lgbt" aria-describedby="need-hint" checked>/);
  });

  it('rejects an unknown need with 400', async () => {
    const res = await get('/tab/contacts?need=unicorns');
    expect(res.status).toBe(400);
    expect(res.body).toMatch(/role="alert">need: unknown need/);
  });
});

describe('pathways', () => {
  it('shows the matrix as a table with a caption and header cells, all four scales', async () => {
    const body = await page('/tab/pathways');
    expect(body).toMatch(/<table>\s*<caption id="matrix-caption">/);
    expect((body.match(/<th scope="col">/g) ?? []).length).toBeGreaterThanOrEqual(4);
    for (const s of [1, 2, 3, 4]) expect(body).toMatch(new RegExp(`<th scope="row">Scale ${s}: `));
    for (const scale of tab.triage.matrix.scales) for (const item of scale.evidence) expect(body).toContain(esc(item.text));
  });

  it("shows each authority's route for every pathway, with contacts and sources", async () => {
    const body = await page('/tab/pathways');
    for (const id of SIX) {
      expect(body).toContain(`id="pathways-${id}"`);
      for (const [pathway, route] of Object.entries(tab.triage.authorities[id]!.routes)) {
        expect(body).toContain(`id="pathways-${id}-${pathway}"`);
        expect(body).toContain(esc(route!.summary));
      }
    }
  });

  it('cites sources whose links all land on a section in the library', async () => {
    const library = new Set(idsIn(await page('/tab/library')));
    for (const path of ['/tab/pathways', '/tab/contacts']) {
      const links = libraryLinks(await page(path));
      expect(links.length).toBeGreaterThan(10);
      expect([...new Set(links)].filter((a) => !library.has(a))).toEqual([]);
    }
  });
});

describe('GET /tab/api/search', () => {
  it('returns ranked passages with absolute library links', async () => {
    const { status, body } = await json('/tab/api/search?q=MARAC&count=3');
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(3);
    expect(body.items).toHaveLength(3);
    const anchors = new Set(tab.kb.store.passages.map((p) => p.anchor));
    for (const item of body.items) {
      expect(item.url).toBe(`${PUBLIC_BASE_URL}/tab/library#${item.anchor}`);
      expect(anchors.has(item.anchor)).toBe(true);
      expect(typeof item.title).toBe('string');
      expect(typeof item.section).toBe('string');
      expect(typeof item.text).toBe('string');
    }
  });

  it('pages with skip and count', async () => {
    const all = (await json('/tab/api/search?q=MARAC&count=6')).body.items.map((i: { passageId: string }) => i.passageId);
    const second = (await json('/tab/api/search?q=MARAC&skip=3&count=3')).body.items.map((i: { passageId: string }) => i.passageId);
    expect(second).toEqual(all.slice(3, 6));
  });

  it('puts the chosen authority first', async () => {
    const { body } = await json('/tab/api/search?q=MARAC+referral&authority=sutton&count=1');
    expect(body.items[0].authorities).toContain('sutton');
  });

  it.each([
    ['/tab/api/search', /q: type some words/],
    ['/tab/api/search?q=%20%20', /q: type some words/],
    ['/tab/api/search?q=<201 characters>', /q: at most 200 characters/],
    ['/tab/api/search?q=MARAC&count=0', /count: must be a whole number from 1 to 50/],
    ['/tab/api/search?q=MARAC&count=51', /count: must be a whole number from 1 to 50/],
    ['/tab/api/search?q=MARAC&skip=-1', /skip: must be a whole number/],
    ['/tab/api/search?q=MARAC&skip=two', /skip: must be a whole number/],
    ['/tab/api/search?q=MARAC&authority=atlantis', /authority: unknown authority; use one of .*camden/],
    ['/tab/api/search?q=MARAC&q=IDVA', /q: give it once/],
    ['/tab/api/search?q=MARAC&colour=red', /unknown parameter: colour/],
  ])('%s → 400 with a clear message', async (path, message) => {
    const { status, body } = await json(path.replace('<201 characters>', 'x'.repeat(201)));
    expect(status).toBe(400);
    expect(body.error.code).toBe('BadRequest');
    expect(body.error.message).toMatch(message);
  });

  it('never logs the query text', async () => {
    const secret = 'zebracrossing marac';
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => jest.spyOn(console, m).mockImplementation(() => undefined));
    const out = jest.spyOn(process.stdout, 'write');
    try {
      await json(`/tab/api/search?q=${encodeURIComponent(secret)}`);
      await get(`/tab/library?q=${encodeURIComponent(secret)}`);
      const logged = [...spies.flatMap((s) => s.mock.calls), ...out.mock.calls].map((c) => c.map(String).join(' ')).join('\n');
      expect(logged).not.toMatch(/zebracrossing/);
    } finally {
      spies.forEach((s) => s.mockRestore());
      out.mockRestore();
    }
  });
});

describe('GET /tab/api/contacts', () => {
  it('returns every authority, and services filtered by need', async () => {
    const { status, body } = await json('/tab/api/contacts?need=fgm,honour-based-abuse-forced-marriage');
    expect(status).toBe(200);
    expect(body.authorities.map((a: { id: string }) => a.id).sort()).toEqual([...SIX].sort());
    expect(body.selected).toEqual(['fgm', 'honour-based-abuse-forced-marriage']);
    expect(body.services.length).toBeGreaterThan(0);
    for (const s of body.services) expect(s.needs.some((n: string) => n === 'fgm' || n === 'honour-based-abuse-forced-marriage')).toBe(true);
    for (const s of body.services) for (const c of s.citations) expect(c.url).toMatch(new RegExp(`^${PUBLIC_BASE_URL}/tab/library#`));
  });

  it('returns all services with no need', async () => {
    const { body } = await json('/tab/api/contacts');
    expect(body.services).toHaveLength(tab.triage.services.length);
  });

  it('rejects an unknown need or parameter with 400', async () => {
    const bad = await json('/tab/api/contacts?need=unicorns');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/need: unknown need; use one or more of .*lgbt/);
    const extra = await json('/tab/api/contacts?authority=camden');
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/unknown parameter: authority/);
  });
});
