import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { coveredAuthorities, searchPassages } from '../../knowledge/search';
import { projectRoot } from '../../knowledge/paths';
import type { RouteRegistrar } from '../server';
import { authorityList, citationJson, filterServices, glossaryItems, libraryHref, libraryView, needOptions, type TabDeps } from './data';
import { contactsPage } from './pages/contacts';
import { libraryPage, type LibraryPageInput } from './pages/library';
import { pathwaysPage } from './pages/pathways';
import { describeIssues, needQuerySchema, searchQuerySchema } from './query';

export type { TabDeps } from './data';

/**
 * The personal tab: three server-rendered pages (library, contacts and services, pathways),
 * their static assets, and two JSON endpoints. Query text is never logged; nothing here knows
 * any authority by name.
 */

export const tabPublicDir = resolve(projectRoot, 'bot/tab/public');
export const teamsJsBundlePath = resolve(projectRoot, 'node_modules/@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js');

// Teams (web, desktop, mobile) and the other Microsoft 365 hosts frame the tab from these origins.
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.teams.microsoft.us',
];

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    // teams-js fetches its list of valid host origins from this CDN (and falls back to a built-in list).
    "connect-src 'self' https://res.cdn.office.net",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
  ].join('; '),
  'x-content-type-options': 'nosniff',
  // Search words travel in the URL: keep them out of Referer headers and caches.
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

function sendHtml(res: Response, status: number, body: string): void {
  res.writeHead(status, { ...PAGE_HEADERS, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: Response, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { ...JSON_HEADERS, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function badRequest(res: Response, message: string): void {
  sendJson(res, 400, { error: { code: 'BadRequest', message } });
}

interface StaticAsset {
  path: string;
  type: string;
  body?: Buffer;
}

function serveStatic(asset: StaticAsset) {
  return async (_req: Request, res: Response) => {
    // Read once, on first use: teams-js is 200 kB and most test servers never ask for it.
    asset.body ??= readFileSync(asset.path);
    res.writeHead(200, {
      'content-type': asset.type,
      'content-length': asset.body.length,
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=3600',
    });
    res.end(asset.body);
  };
}

function queryOf(req: Request): Record<string, unknown> {
  const q = (req as Request & { query?: unknown }).query;
  if (q && typeof q === 'object') return q as Record<string, unknown>;
  // Without restify's queryParser, read the URL ourselves (repeated keys become arrays).
  const params = new URL(req.url ?? '/', 'http://tab.invalid').searchParams;
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/**
 * Registers GET /tab, /tab/library, /tab/contacts, /tab/pathways, /tab/static/*,
 * /tab/api/search and /tab/api/contacts on `server`.
 */
export function registerTabRoutes(server: Server, deps: TabDeps): void {
  const { kb, triage } = deps;
  const base = deps.publicBaseUrl.replace(/\/+$/, '');
  const today = deps.today ?? (() => new Date());
  const searchAuthorities = coveredAuthorities(kb);
  const searchIds = searchAuthorities.map((a) => a.id);
  const authorities = authorityList(triage);
  const needs = needOptions(triage);
  const needIds = needs.map((n) => n.id);
  const nameOf = (id: string) => triage.authorities[id]?.name ?? kb.authorityNames.get(id) ?? id;
  // The glossary does not change while the server runs; the library view does (review dates pass).
  const glossary = glossaryItems(kb);

  const assets: Record<string, StaticAsset> = {
    'tab.js': { path: resolve(tabPublicDir, 'tab.js'), type: 'text/javascript; charset=utf-8' },
    'tab.css': { path: resolve(tabPublicDir, 'tab.css'), type: 'text/css; charset=utf-8' },
    'MicrosoftTeams.min.js': { path: teamsJsBundlePath, type: 'text/javascript; charset=utf-8' },
  };
  for (const [name, asset] of Object.entries(assets)) server.get(`/tab/static/${name}`, serveStatic(asset));

  server.get('/tab', async (_req: Request, res: Response) => {
    res.writeHead(302, { location: '/tab/library' });
    res.end();
  });

  server.get('/tab/library', async (req: Request, res: Response) => {
    const raw = queryOf(req);
    const input: LibraryPageInput = {
      documents: libraryView(kb, today()),
      glossary,
      authorities: searchAuthorities,
    };
    const asked = ['q', 'authority', 'skip', 'count'].some((k) => raw[k] !== undefined && raw[k] !== '');
    if (!asked) return sendHtml(res, 200, libraryPage(input));
    const parsed = searchQuerySchema(searchIds, { strict: false }).safeParse(raw);
    if (!parsed.success) {
      const keep = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : undefined);
      return sendHtml(res, 400, libraryPage({ ...input, error: describeIssues(parsed.error), query: { q: keep(raw.q), authority: keep(raw.authority) } }));
    }
    const { q, authority, skip, count } = parsed.data;
    const found = searchPassages(kb, q, { authority, skip, count, today: today() });
    return sendHtml(res, 200, libraryPage({ ...input, search: { q, authority, skip, count, ...found } }));
  });

  server.get('/tab/contacts', async (req: Request, res: Response) => {
    const parsed = needQuerySchema(needIds, { strict: false }).safeParse(queryOf(req));
    const page = (selected: string[], error?: string) =>
      contactsPage({ authorities, services: triage.services, national: triage.national.contacts, needs, selected, authorityName: nameOf, error });
    if (!parsed.success) return sendHtml(res, 400, page([], describeIssues(parsed.error)));
    return sendHtml(res, 200, page(parsed.data.need));
  });

  server.get('/tab/pathways', async (_req: Request, res: Response) => {
    sendHtml(res, 200, pathwaysPage({ triage, authorities }));
  });

  server.get('/tab/api/search', async (req: Request, res: Response) => {
    const parsed = searchQuerySchema(searchIds, { strict: true }).safeParse(queryOf(req));
    if (!parsed.success) return badRequest(res, describeIssues(parsed.error));
    const { q, authority, skip, count } = parsed.data;
    const found = searchPassages(kb, q, { authority, skip, count, today: today() });
    return sendJson(res, 200, {
      total: found.total,
      skip,
      count,
      items: found.items.map(({ passage, citation, score, highlights }) => ({
        passageId: passage.id,
        docId: passage.docId,
        title: citation.title,
        publisher: citation.publisher,
        authorities: citation.authorities,
        authorityNames: citation.authorities.map(nameOf),
        national: citation.national,
        section: passage.section,
        anchor: passage.anchor,
        url: libraryHref(passage.anchor, base),
        issued: citation.issued,
        reviewDue: citation.reviewDue,
        reviewOverdue: citation.reviewOverdue,
        ...(citation.supersededNote ? { supersededNote: citation.supersededNote } : {}),
        text: passage.display || passage.text,
        highlights,
        score,
      })),
    });
  });

  server.get('/tab/api/contacts', async (req: Request, res: Response) => {
    const parsed = needQuerySchema(needIds, { strict: true }).safeParse(queryOf(req));
    if (!parsed.success) return badRequest(res, describeIssues(parsed.error));
    const cite = (list: Parameters<typeof citationJson>[0][]) => list.map((c) => citationJson(c, base));
    const contact = (c: (typeof authorities)[number]['contacts'][number]) => ({
      id: c.id,
      role: c.role,
      ...(c.name ? { name: c.name } : {}),
      ...(c.phone ? { phone: c.phone } : {}),
      ...(c.email ? { email: c.email } : {}),
      ...(c.hours ? { hours: c.hours } : {}),
      ...(c.outOfHours ? { outOfHours: c.outOfHours } : {}),
      serves: c.serves,
      citations: cite(c.citations),
    });
    return sendJson(res, 200, {
      needs,
      selected: parsed.data.need,
      authorities: authorities.map((a) => ({ id: a.id, name: a.name, contacts: a.contacts.map(contact) })),
      national: triage.national.contacts.map(contact),
      services: filterServices(triage.services, parsed.data.need).map((s) => ({
        id: s.id,
        name: s.name,
        description: s.description,
        ...(s.phone ? { phone: s.phone } : {}),
        ...(s.email ? { email: s.email } : {}),
        ...(s.web ? { web: s.web } : {}),
        ...(s.hours ? { hours: s.hours } : {}),
        needs: s.needs,
        authorities: s.authorities,
        citations: cite(s.citations),
      })),
      libraryUrl: `${base}/tab/library`,
    });
  });
}

/** The same routes as a registrar for createServer's `extraRoutes`; the base URL defaults to config.publicBaseUrl. */
export function tabRoutes(deps: Omit<TabDeps, 'publicBaseUrl'> & { publicBaseUrl?: string }): RouteRegistrar {
  return (server, ctx) => registerTabRoutes(server, { ...deps, publicBaseUrl: deps.publicBaseUrl ?? ctx.config.publicBaseUrl });
}
