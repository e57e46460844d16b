import { createHash } from 'node:crypto';
import { startBot, type RunningBot } from './helpers';

/**
 * Every response the server sends carries the same security headers: a Content-Security-Policy
 * with frame-ancestors, X-Content-Type-Options: nosniff and no Referer. HTML pages allow scripts
 * from this server (and their own inline script, by hash) only; only the tab may be framed, by Teams.
 */

let bot: RunningBot;

beforeAll(async () => {
  bot = await startBot();
});

afterAll(() => bot.close());

function expectBaseHeaders(res: Response, what: string): string {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect({ what, nosniff: res.headers.get('x-content-type-options') }).toEqual({ what, nosniff: 'nosniff' });
  expect({ what, referrer: res.headers.get('referrer-policy') }).toEqual({ what, referrer: 'no-referrer' });
  expect({ what, csp }).toEqual({ what, csp: expect.stringMatching(/frame-ancestors [^;]+/) });
  return csp;
}

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .find((d) => d.trim().startsWith(`${name} `))
    ?.trim() ?? '';

test.each([
  ['/', 'the local chat page'],
  ['/privacy', 'the privacy page'],
  ['/terms', 'the terms page'],
])('%s (%s) may run only its own scripts and may not be framed', async (path) => {
  const res = await fetch(`${bot.url}${path}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  const csp = expectBaseHeaders(res, path);
  expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  expect(directive(csp, 'object-src')).toBe("object-src 'none'");
  const scripts = directive(csp, 'script-src');
  expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  // An inline script on the page runs only because the policy names its hash.
  const html = await res.text();
  for (const [, body] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    expect(scripts).toContain(`'sha256-${createHash('sha256').update(body!).digest('base64')}'`);
  }
});

test('the tab pages may be framed by Teams and by nothing else', async () => {
  const res = await fetch(`${bot.url}/tab/library`);
  expect(res.status).toBe(200);
  const frameAncestors = directive(expectBaseHeaders(res, '/tab/library'), 'frame-ancestors');
  expect(frameAncestors).toContain('https://teams.microsoft.com');
  expect(frameAncestors).not.toMatch(/ \*( |$)|https?:\/\/\*( |$)/);
});

test.each([
  ['GET', '/webchat.js'],
  ['GET', '/favicon.ico'],
  ['GET', '/healthz'],
  ['GET', '/readyz'],
  ['GET', '/tab/static/tab.js'],
  ['GET', '/tab/api/search?q=refuge'],
  ['GET', '/tab/api/search'],
  ['GET', '/no-such-page'],
  ['DELETE', '/privacy'],
  ['POST', '/api/messages'],
  ['POST', '/v3/directline/conversations/nope/activities'],
])('%s %s carries the same headers, and may be framed by no one', async (method, path) => {
  const res = await fetch(`${bot.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(method === 'POST' ? { body: '{}' } : {}) });
  const csp = expectBaseHeaders(res, `${method} ${path} (${res.status})`);
  expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
});
