import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../chromium';
import { filterServices } from '../../bot/tab/data';
import { startTab, type RunningTab } from './harness';

/**
 * The tab in headless Chromium, standalone (not inside Teams): search, follow a result and a
 * citation link to the anchored section, filter services with the keyboard, and the theme
 * handling in tab.js (with a stand-in for the Teams host).
 */

let tab: RunningTab;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  tab = await startTab();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await tab?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Keep the test hermetic: teams-js asks a Microsoft CDN for its list of valid hosts.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
});

afterEach(async () => {
  await page?.close();
  expect(pageErrors).toEqual([]);
});

/** The element the URL fragment targets: its id, whether it is shown and on screen, and whether it has focus. */
async function landing(p: Page) {
  return p.evaluate(() => {
    const target = document.querySelector(':target') as HTMLElement | null;
    if (!target) return null;
    const r = target.getBoundingClientRect();
    const style = getComputedStyle(target);
    return {
      id: target.id,
      hash: decodeURIComponent(location.hash.slice(1)),
      path: location.pathname,
      visible: r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none',
      inViewport: r.top < window.innerHeight && r.bottom > 0,
      focused: document.activeElement === target,
    };
  });
}

describe('library, standalone in a browser', () => {
  it('searches, then follows a result to the anchored section', async () => {
    await page.goto(`${tab.url}/tab/library`);
    // Standalone: teams-js cannot reach a host, the page keeps the browser theme and still works.
    expect(await page.getAttribute('html', 'data-theme')).toBe('auto');

    await page.getByLabel('Words to look for').fill('MARAC referral criteria');
    await Promise.all([page.waitForURL(/\/tab\/library\?q=MARAC/), page.getByLabel('Words to look for').press('Enter')]);
    expect(page.url()).not.toMatch(/authority=[a-z]/);
    await page.locator('#results [role=status]').waitFor();
    expect(await page.locator('#results [role=status]').textContent()).toMatch(/Showing 1 to \d+ of \d+ matching passages/);

    const first = page.locator('a.result-link').first();
    const anchor = ((await first.getAttribute('href')) ?? '').slice(1);
    expect(tab.kb.store.passages.some((p) => p.anchor === anchor)).toBe(true);
    await first.click();
    await page.waitForFunction((a) => decodeURIComponent(location.hash.slice(1)) === a, anchor);

    const landed = await landing(page);
    expect(landed).toEqual({ id: anchor, hash: anchor, path: '/tab/library', visible: true, inViewport: true, focused: true });
    // It is the section element itself, and it holds the passage that was found.
    expect(await page.locator(`[id="${anchor}"]`).evaluate((el) => el.tagName)).toBe('SECTION');
  });

  it('follows a citation link from the pathways page into the library', async () => {
    await page.goto(`${tab.url}/tab/pathways`);
    const citation = page.locator('.route a.citation').first();
    const href = (await citation.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/tab\/library#/);
    const anchor = decodeURIComponent(href.split('#')[1]!);
    await Promise.all([page.waitForURL(/\/tab\/library#/), citation.click()]);
    await page.waitForLoadState('load');
    await page.waitForFunction((a) => document.activeElement?.id === a, anchor);
    expect(await landing(page)).toEqual({ id: anchor, hash: anchor, path: '/tab/library', visible: true, inViewport: true, focused: true });
  });

  it('reaches the search box from the skip link with the keyboard', async () => {
    await page.goto(`${tab.url}/tab/library`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
  });
});

describe('contacts, with the keyboard only', () => {
  it('filters services by need with Tab and Space, and announces the count', async () => {
    await page.goto(`${tab.url}/tab/contacts`);
    const total = tab.triage.services.length;
    const status = page.locator('#services-status');
    expect(await status.textContent()).toBe(`Showing all ${total} services.`);

    // Tab from the top of the page until the first need checkbox has focus.
    const firstNeed = await page.locator('input[name=need]').first().getAttribute('value');
    let focused = '';
    for (let i = 0; i < 80 && focused !== `need-${firstNeed}`; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe(`need-${firstNeed}`);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');

    await page.keyboard.press('Space');
    expect(await page.isChecked(`#need-${firstNeed}`)).toBe(true);
    const one = filterServices(tab.triage.services, [firstNeed!]).map((s) => s.id);
    await page.waitForFunction((n) => document.querySelectorAll('.service-list > li:not([hidden])').length === n, one.length);
    const visible = await page.locator('.service-list > li:not([hidden])').evaluateAll((els) => els.map((e) => e.id.replace(/^service-/, '')));
    expect(visible.sort()).toEqual([...one].sort());
    expect(await status.textContent()).toBe(`Showing ${one.length} of ${total} services.`);
    expect(new URL(page.url()).searchParams.getAll('need')).toEqual([firstNeed]);

    // The next need widens the filter (any of the chosen needs).
    await page.keyboard.press('Tab');
    const secondNeed = (await page.evaluate(() => (document.activeElement as HTMLInputElement).value)) as string;
    await page.keyboard.press('Space');
    const two = filterServices(tab.triage.services, [firstNeed!, secondNeed]);
    await page.waitForFunction((n) => document.querySelectorAll('.service-list > li:not([hidden])').length === n, two.length);

    // Unticking both shows everything again.
    await page.keyboard.press('Space');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await page.waitForFunction((n) => document.querySelectorAll('.service-list > li:not([hidden])').length === n, total);
    expect(await status.textContent()).toBe(`Showing all ${total} services.`);
  });

  it('keeps the need filter from the address on reload', async () => {
    await page.goto(`${tab.url}/tab/contacts?need=male-victims`);
    const expected = filterServices(tab.triage.services, ['male-victims']).length;
    expect(await page.locator('.service-list > li:not([hidden])').count()).toBe(expected);
    expect(await page.isChecked('#need-male-victims')).toBe(true);
  });
});

describe('theme', () => {
  it('takes ?theme= standalone', async () => {
    await page.goto(`${tab.url}/tab/pathways?theme=contrast`);
    expect(await page.getAttribute('html', 'data-theme')).toBe('contrast');
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe('rgb(0, 0, 0)');
  });

  it('follows the Teams theme and its changes when a Teams host answers', async () => {
    // A stand-in for the teams-js bundle with the v2 app API, as a Teams host would answer it.
    await page.route('**/tab/static/MicrosoftTeams.min.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `window.microsoftTeams = { app: {
          initialize: () => Promise.resolve(),
          getContext: () => Promise.resolve({ app: { theme: 'dark', locale: 'en-gb', sessionId: 's', host: { name: 'Teams', clientType: 'web', sessionId: 's' } } }),
          registerOnThemeChangeHandler: (h) => { window.__themeHandler = h; },
          notifySuccess: () => Promise.resolve(),
        } };`,
      }),
    );
    await page.goto(`${tab.url}/tab/library`);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-theme') === 'dark');
    expect(await page.getAttribute('html', 'data-host')).toBe('teams');
    await page.evaluate(() => (window as unknown as { __themeHandler(t: string): void }).__themeHandler('contrast'));
    expect(await page.getAttribute('html', 'data-theme')).toBe('contrast');
    await page.evaluate(() => (window as unknown as { __themeHandler(t: string): void }).__themeHandler('default'));
    expect(await page.getAttribute('html', 'data-theme')).toBe('default');
  });

  it('renders at once and marks itself standalone when Teams never answers', async () => {
    await page.goto(`${tab.url}/tab/contacts`);
    expect(await page.locator('h1').textContent()).toBe('Contacts and services');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-host') === 'browser', undefined, { timeout: 30000 });
    expect(await page.getAttribute('html', 'data-theme')).toBe('auto');
  });
});
