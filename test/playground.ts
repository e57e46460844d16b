import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../knowledge/paths';
import { startBot, type RunningBot } from './bot/helpers';
import { cardsWith, launchChromium, WAIT } from './chromium';
import welcomeCard from '../cards/welcome.json';
import { freePort } from '../scripts/free-port';

/** The welcome card's heading: the bot has greeted the user, so the conversation is live. */
const WELCOME_HEADING = welcomeCard.body[0]!.text as string;

/**
 * The Microsoft 365 Agents Playground (a Teams emulator from npm, run offline) against a running
 * bot, and a headless Chromium page on its UI that may fetch nothing but the playground itself.
 */
export interface RunningPlayground {
  page: Page;
  browser: Browser;
  close(): Promise<void>;
}

function listening(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the Agents Playground did not start')), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (/Listening on/.test(String(d))) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/** Start the playground for the bot at `botUrl` and open its UI in headless Chromium. */
export async function startPlayground(botUrl: string): Promise<RunningPlayground> {
  const port = await freePort();
  const logDir = mkdtempSync(join(tmpdir(), 'playground-'));
  const cli = join(projectRoot, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  const child = spawn(process.execPath, [cli, '-e', `${botUrl}/api/messages`, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: join(logDir, 'playground.log') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await listening(child);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1300, height: 1600 } });
  const own = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  // Nothing from the internet: the playground serves its own client.
  await page.route('**/*', (route) => (own.some((o) => route.request().url().startsWith(o)) ? route.continue() : route.abort()));
  await page.goto(`http://127.0.0.1:${port}/`);
  // The compose box is drawn before the conversation starts (a "Getting Started" page); a message
  // typed then is lost when the chat replaces it. The bot's welcome card says the conversation is live.
  await cardsWith(page, WELCOME_HEADING).first().waitFor({ timeout: 60_000 });
  return {
    page,
    browser,
    close: async () => {
      await browser.close();
      child.kill();
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}

/** Type a message into the playground's compose box and send it. */
export async function say(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox').first();
  await input.waitFor(WAIT);
  await input.fill(text);
  await page.keyboard.press('Enter');
}

/** For one test file: the real bot and the Agents Playground driving it, started before the tests and closed after. */
export function usePlayground(ready: (bot: RunningBot, page: Page) => void): void {
  let bot: RunningBot | undefined;
  let playground: RunningPlayground | undefined;
  beforeAll(async () => {
    bot = await startBot();
    playground = await startPlayground(bot.url);
    ready(bot, playground.page);
  });
  afterAll(async () => {
    await playground?.close();
    await bot?.close();
  });
}
