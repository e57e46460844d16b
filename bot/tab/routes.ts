import { definedFields } from '../../knowledge/defined-fields';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { coveredAuthorities, searchPassages, type RankedAnswer } from '../../knowledge/search';
import { projectRoot } from '../../knowledge/paths';
import type { CompiledAuthority, CompiledContact, CompiledService, TriageCitation } from '../../knowledge/triage/types';
import { BASE_HEADERS, pageHeaders, TEAMS_FRAME_ANCESTORS } from '../security-headers';
import type { RouteRegistrar } from '../server';
import {
  authorityList,
  citationJson,
  filterServices,
  glossaryItems,
  libraryHref,
  libraryView,
  needOptions,
  type GlossaryItem,
  type NeedOption,
  type TabDeps,
} from './data';
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

// teams-js fetches its list of valid host origins from this CDN (and falls back to a built-in list).
const PAGE_HEADERS = {
  ...pageHeaders({ connect: ['https://res.cdn.office.net'], frameAncestors: TEAMS_FRAME_ANCESTORS }),
  'cache-control': 'no-store',
};

const JSON_HEADERS = {
  ...BASE_HEADERS,
  'content-type': 'application/json; charset=utf-8',
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
      ...BASE_HEADERS,
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

/** Values every tab route shares, computed once when the routes are registered. */
interface TabContext {
  kb: TabDeps['kb'];
  triage: TabDeps['triage'];
  /** publicBaseUrl without trailing slashes. */
  base: string;
  today: () => Date;
  searchAuthorities: { id: string; name: string }[];
  searchIds: string[];
  authorities: CompiledAuthority[];
  needs: NeedOption[];
  needIds: string[];
  nameOf: (id: string) => string;
  glossary: GlossaryItem[];
}

/** Builds the shared context from the route dependencies. */
function tabContext(deps: TabDeps): TabContext {
  const { kb, triage } = deps;
  const searchAuthorities = coveredAuthorities(kb);
  const authorities = authorityList(triage);
  const needs = needOptions(triage);
  return {
    kb,
    triage,
    base: deps.publicBaseUrl.replace(/\/+$/, ''),
    today: deps.today ?? (() => new Date()),
    searchAuthorities,
    searchIds: searchAuthorities.map((a) => a.id),
    authorities,
    needs,
    needIds: needs.map((n) => n.id),
    nameOf: (id: string) => triage.authorities[id]?.name ?? kb.authorityNames.get(id) ?? id,
    // The glossary does not change while the server runs; the library view does (review dates pass).
    glossary: glossaryItems(kb),
  };
}

/** GET /tab/static/*: the tab's script, stylesheet and the teams-js bundle. */
function registerStaticAssets(server: Server): void {
  const assets: Record<string, StaticAsset> = {
    'tab.js': { path: resolve(tabPublicDir, 'tab.js'), type: 'text/javascript; charset=utf-8' },
    'tab.css': { path: resolve(tabPublicDir, 'tab.css'), type: 'text/css; charset=utf-8' },
    'MicrosoftTeams.min.js': { path: teamsJsBundlePath, type: 'text/javascript; charset=utf-8' },
  };
  for (const [name, asset] of Object.entries(assets)) server.get(`/tab/static/${name}`, serveStatic(asset));
}

/** GET /tab: redirects to the library page. */
function registerTabRedirect(server: Server): void {
  server.get('/tab', async (_req: Request, res: Response) => {
    res.writeHead(302, { location: '/tab/library' });
    res.end();
  });
}

/** GET /tab/library: the document library, with search results when a query is given. */
function registerLibraryPage(server: Server, ctx: TabContext): void {
  const { kb, today } = ctx;
  server.get('/tab/library', async (req: Request, res: Response) => {
    const raw = queryOf(req);
    const input: LibraryPageInput = {
      documents: libraryView(kb, today()),
      glossary: ctx.glossary,
      authorities: ctx.searchAuthorities,
    };
    const asked = ['q', 'authority', 'skip', 'count'].some((k) => raw[k] !== undefined && raw[k] !== '');
    if (!asked) return sendHtml(res, 200, libraryPage(input));
    const parsed = searchQuerySchema(ctx.searchIds, { strict: false }).safeParse(raw);
    if (!parsed.success) {
      const keep = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : undefined);
      return sendHtml(res, 400, libraryPage({ ...input, error: describeIssues(parsed.error), query: { q: keep(raw.q), authority: keep(raw.authority) } }));
    }
    const { q, authority, skip, count } = parsed.data;
    const found = searchPassages(kb, q, { authority, skip, count, today: today() });
    return sendHtml(res, 200, libraryPage({ ...input, search: { q, authority, skip, count, ...found } }));
  });
}

/** GET /tab/contacts: contacts and services, filtered by the chosen needs. */
function registerContactsPage(server: Server, ctx: TabContext): void {
  const { triage, authorities, needs, nameOf } = ctx;
  server.get('/tab/contacts', async (req: Request, res: Response) => {
    const parsed = needQuerySchema(ctx.needIds, { strict: false }).safeParse(queryOf(req));
    const page = (selected: string[], error?: string) =>
      contactsPage({ authorities, services: triage.services, national: triage.national.contacts, needs, selected, authorityName: nameOf, error });
    if (!parsed.success) return sendHtml(res, 400, page([], describeIssues(parsed.error)));
    return sendHtml(res, 200, page(parsed.data.need));
  });
}

/** GET /tab/pathways: the referral pathways for every authority. */
function registerPathwaysPage(server: Server, ctx: TabContext): void {
  const { triage, authorities } = ctx;
  server.get('/tab/pathways', async (_req: Request, res: Response) => {
    sendHtml(res, 200, pathwaysPage({ triage, authorities }));
  });
}

/** GET /tab/api/search: passage search as JSON. */
function registerSearchApi(server: Server, ctx: TabContext): void {
  server.get('/tab/api/search', async (req: Request, res: Response) => {
    const parsed = searchQuerySchema(ctx.searchIds, { strict: true }).safeParse(queryOf(req));
    if (!parsed.success) return badRequest(res, describeIssues(parsed.error));
    const { q, authority, skip, count } = parsed.data;
    const found = searchPassages(ctx.kb, q, { authority, skip, count, today: ctx.today() });
    return sendJson(res, 200, {
      total: found.total,
      skip,
      count,
      items: found.items.map((item) => searchItemJson(item, ctx)),
    });
  });
}

/** One search hit as the search API returns it. */
function searchItemJson({ passage, citation, score, highlights }: RankedAnswer, ctx: TabContext) {
  return {
    passageId: passage.id,
    docId: passage.docId,
    title: citation.title,
    publisher: citation.publisher,
    authorities: citation.authorities,
    authorityNames: citation.authorities.map(ctx.nameOf),
    national: citation.national,
    section: passage.section,
    anchor: passage.anchor,
    url: libraryHref(passage.anchor, ctx.base),
    issued: citation.issued,
    reviewDue: citation.reviewDue,
    reviewOverdue: citation.reviewOverdue,
    ...(citation.supersededNote ? { supersededNote: citation.supersededNote } : {}),
    text: passage.display || passage.text,
    highlights,
    score,
  };
}

/** GET /tab/api/contacts: contacts and services for the chosen needs as JSON. */
function registerContactsApi(server: Server, ctx: TabContext): void {
  const { triage, authorities, base } = ctx;
  server.get('/tab/api/contacts', async (req: Request, res: Response) => {
    const parsed = needQuerySchema(ctx.needIds, { strict: true }).safeParse(queryOf(req));
    if (!parsed.success) return badRequest(res, describeIssues(parsed.error));
    return sendJson(res, 200, {
      needs: ctx.needs,
      selected: parsed.data.need,
      authorities: authorities.map((a) => ({ id: a.id, name: a.name, contacts: a.contacts.map((c) => contactJson(c, base)) })),
      national: triage.national.contacts.map((c) => contactJson(c, base)),
      services: filterServices(triage.services, parsed.data.need).map((s) => serviceJson(s, base)),
      libraryUrl: `${base}/tab/library`,
    });
  });
}

/** One contact as the contacts API returns it; absent optional fields are left out. */
function contactJson(c: CompiledContact, base: string) {
  return {
    id: c.id,
    role: c.role,
    ...definedFields(c, ['name', 'phone', 'email', 'hours', 'outOfHours']),
    serves: c.serves,
    citations: citationsJson(c.citations, base),
  };
}

/** One service as the contacts API returns it; absent optional fields are left out. */
function serviceJson(s: CompiledService, base: string) {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    ...definedFields(s, ['phone', 'email', 'web', 'hours']),
    needs: s.needs,
    authorities: s.authorities,
    citations: citationsJson(s.citations, base),
  };
}

/** A list of citations as JSON, with links under `base`. */
function citationsJson(list: readonly TriageCitation[], base: string) {
  return list.map((c) => citationJson(c, base));
}

/**
 * Registers GET /tab, /tab/library, /tab/contacts, /tab/pathways, /tab/static/*,
 * /tab/api/search and /tab/api/contacts on `server`.
 */
export function registerTabRoutes(server: Server, deps: TabDeps): void {
  const ctx = tabContext(deps);
  registerStaticAssets(server);
  registerTabRedirect(server);
  registerLibraryPage(server, ctx);
  registerContactsPage(server, ctx);
  registerPathwaysPage(server, ctx);
  registerSearchApi(server, ctx);
  registerContactsApi(server, ctx);
}

/** The same routes as a registrar for createServer's `extraRoutes`; the base URL defaults to config.publicBaseUrl. */
export function tabRoutes(deps: Omit<TabDeps, 'publicBaseUrl'> & { publicBaseUrl?: string }): RouteRegistrar {
  return (server, ctx) => registerTabRoutes(server, { ...deps, publicBaseUrl: deps.publicBaseUrl ?? ctx.config.publicBaseUrl });
}
