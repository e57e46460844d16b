import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless, as CI installs it (never a downloaded browser). The flags keep
 * it from reaching out to Google's services on this closed network.
 */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * A page that may fetch nothing but `origin` (no CDN, nothing from the internet), with the
 * page's script errors collected for the test to assert on.
 */
export async function confinedPage(browser: Browser, origin: string): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  return { page, pageErrors };
}

/** How long a browser test waits for what a user would see: generous, only a safety net for a hung page on a slow CI machine (nothing asserts how fast anything is). */
export const WAIT = { timeout: 30_000 };

/** The rendered Adaptive Cards (the renderer's own class) that show `text`, in the order shown. */
export function cardsWith(page: Page, text: string | RegExp): Locator {
  return page.locator('.ac-adaptiveCard', { hasText: text });
}

/** The last Adaptive Card on the page that shows `text`. */
export function lastCard(page: Page, text: string | RegExp): Locator {
  return cardsWith(page, text).last();
}
