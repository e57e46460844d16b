import type { Browser, Page } from 'playwright-core';
import { startBot, type RunningBot } from './bot/helpers';
import { confinedPage, launchChromium } from './chromium';

export interface LocalChatPage {
  bot: RunningBot;
  page: Page;
  /** Errors the page raised (a card that fails to render, a blocked script). */
  pageErrors: string[];
}

/**
 * For one test file: the real bot and headless Chromium on a page confined to the bot's own server
 * (nothing fetched from anywhere else), started before the tests and closed after. `ready` gets them.
 */
export function useLocalChatPage(ready: (chat: LocalChatPage) => void, opts: Parameters<typeof startBot>[0] = {}): void {
  let bot: RunningBot | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    bot = await startBot(opts);
    browser = await launchChromium();
    ready({ bot, ...(await confinedPage(browser, bot.url)) });
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });
}
