import { createHash } from 'node:crypto';
import type { Next, Request, Response, Server } from 'restify';

/**
 * The security headers every response carries (pages, scripts, JSON, errors), from one place.
 * Every response gets BASE_HEADERS before any route runs; an HTML page replaces the
 * Content-Security-Policy with its own (pageHeaders), naming what the page loads and who may frame it.
 */

/** Teams (web, desktop, mobile) and the other Microsoft 365 hosts frame the personal tab from these origins. */
export const TEAMS_FRAME_ANCESTORS: readonly string[] = [
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

/** For responses that are not pages (JSON, scripts, errors): they may load nothing and be framed by no one. */
const NOTHING_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': NOTHING_POLICY,
  'x-content-type-options': 'nosniff',
  // Search words travel in the tab's URLs: keep them (and every other address) out of Referer headers.
  'referrer-policy': 'no-referrer',
};

/** What one HTML page may load beyond its own origin, and who may frame it (no one unless named). */
export interface PagePolicy {
  /** Extra script-src sources, e.g. the 'sha256-…' of the page's own inline script. */
  scripts?: readonly string[];
  /** Extra style-src sources. */
  styles?: readonly string[];
  /** Extra img-src sources (beyond this server and data: URLs). */
  images?: readonly string[];
  /** Extra connect-src sources. */
  connect?: readonly string[];
  /** Origins that may frame the page; none by default. */
  frameAncestors?: readonly string[];
}

const sources = (base: string, extra: readonly string[] | undefined): string => [base, ...(extra ?? [])].join(' ');

export function contentSecurityPolicy(policy: PagePolicy = {}): string {
  return [
    "default-src 'self'",
    `script-src ${sources("'self'", policy.scripts)}`,
    `style-src ${sources("'self'", policy.styles)}`,
    `img-src ${sources("'self' data:", policy.images)}`,
    `connect-src ${sources("'self'", policy.connect)}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${policy.frameAncestors?.length ? policy.frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
}

/** The headers of an HTML page with this policy (the base set, its own CSP, its content type). */
export function pageHeaders(policy: PagePolicy = {}): Record<string, string> {
  return { ...BASE_HEADERS, 'content-security-policy': contentSecurityPolicy(policy), 'content-type': 'text/html; charset=utf-8' };
}

/** The CSP sources ('sha256-…') of a page's own inline <script> and <style> blocks, so they run and nothing injected does. */
export function inlineSources(html: string): { scripts: string[]; styles: string[] } {
  const hashes = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
  return {
    scripts: hashes(/<script>([\s\S]*?)<\/script>/g),
    styles: hashes(/<style>([\s\S]*?)<\/style>/g),
  };
}

/** Put BASE_HEADERS on every response, before routing: unknown routes and errors included. */
export function applySecurityHeaders(server: Server): void {
  server.pre((_req: Request, res: Response, next: Next) => {
    for (const [name, value] of Object.entries(BASE_HEADERS)) res.setHeader(name, value);
    next();
  });
}
