/**
 * `npm run screenshots`: the README's pictures of each journey, taken from the real bot.
 *
 * Starts the bot in local mode (its own process, memory storage, no Azure, no Teams), drives the
 * local chat page in headless Chromium as a person would, and saves each card, cropped, under
 * docs/screenshots/. Not part of `npm test`. Needs Chromium (apt-get install -y chromium).
 *
 * The page's local user id is fixed before it loads, and that user's object id (localObjectId) is on CHAMPION_IDS, so
 * the champions' `report` can be pictured; the champions' channel is the same local chat, through a relay
 * (scripts/screenshots-champion.ts), so "Ask a champion" can be too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { localObjectId } from '../bot/local-chat';
import { MESSAGES } from '../bot/messages';
import { projectRoot } from '../knowledge/paths';
import { loadTriageKnowledge } from '../knowledge/triage';
import { confinedPage, launchChromium } from '../test/chromium';
import { freePort } from './free-port';
import { savePng } from './screenshot-png';
import { CHAMPIONS_PLACEHOLDER, championShots, rateAnswers, reportShot, startChampionsRelay } from './screenshots-champion';
import { inductionShots } from './screenshots-induction';

const OUT = join(projectRoot, 'docs', 'screenshots');
const WAIT = { timeout: 60_000 };
/** Pixels: a longer card is cut here (the top shows what the journey looks like). */
const MAX_HEIGHT = 760;
/** Web Chat keeps bubbles to 480 px; the README's pictures are wider, like a card in Teams. */
/** The local chat user the pictures are taken as (the page keeps its id under this localStorage key). */
const LOCAL_USER = { key: 'spa-local-user-id', id: 'local-readme-screenshots' };
const WIDE_CARDS = '.webchat__stacked-layout__attachment, .webchat__stacked-layout__content { max-width: 700px !important; width: 700px; }';

/** The bot as `npm start` runs it, on a free port, with nothing kept on disk. */
async function startLocalBot(port: number, extra: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const tsx = join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    STORAGE: 'memory',
    OPEN_BROWSER: 'false',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000',
  };
  for (const k of ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId']) delete env[k];
  Object.assign(env, extra);
  const child = spawn(process.execPath, [tsx, 'bot/index.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the bot did not start within 3 minutes')), 180_000);
    child.once('exit', (code) => reject(new Error(`the bot exited (${String(code)})`)));
    child.stdout!.on('data', (d: Buffer) => {
      if (/Local chat: /.test(String(d))) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return child;
}

export interface Chat {
  page: Page;
  card(text: string | RegExp): Locator;
  say(text: string): Promise<void>;
  shot(name: string, target: Locator): Promise<void>;
}

function chatOn(page: Page): Chat {
  return {
    page,
    card: (text) => page.locator('.ac-adaptiveCard', { hasText: text }).last(),
    say: async (text) => {
      const box = page.locator('[data-id="webchat-sendbox-input"]');
      await box.fill(text);
      await box.press('Enter');
    },
    shot: async (name, target) => {
      await target.scrollIntoViewIfNeeded();
      // Let Web Chat finish laying out (images, fonts, the scroll).
      await page.waitForTimeout(400);
      const file = join(OUT, `${name}.png`);
      const kb = savePng(await target.screenshot({ animations: 'disabled' }), file, MAX_HEIGHT);
      console.log(`${file.slice(projectRoot.length + 1)} (${kb} KB)`);
    },
  };
}

async function answerShot(chat: Chat): Promise<void> {
  await chat.say('do I need to do a safety plan with the victim and children?');
  const answer = chat.card('Source:');
  await answer.getByRole('button', { name: 'Not helpful' }).waitFor(WAIT);
  await chat.shot('answer', answer);
}

async function triageShot(chat: Chat, authority: Authority): Promise<void> {
  await chat.say('triage');
  const step1 = chat.card('Is anyone in immediate danger right now?');
  await step1.waitFor(WAIT);
  await step1.locator('select').selectOption(authority.id);
  await step1.getByRole('button', { name: 'No', exact: true }).click();
  const step2 = chat.card('Triage: step 2 of 3');
  await step2.waitFor(WAIT);
  await step2.locator('textarea').fill('Mum says her partner grabbed her by the throat last night. Her daughter, 8, saw it from the stairs.');
  await step2.getByRole('button', { name: 'Read my description' }).click();
  const confirm = chat.card('Triage: step 3 of 3');
  await confirm.waitFor(WAIT);
  await confirm.getByRole('button', { name: 'See the result' }).click();
  const result = chat.card('Triage result');
  await result
    .getByText(/guidance, not a decision/)
    .first()
    .waitFor(WAIT);
  await chat.shot('triage-result', result);
}

async function simpleShot(chat: Chat, typed: string, shown: string | RegExp, name: string): Promise<void> {
  await chat.say(typed);
  const card = chat.card(shown);
  await card.waitFor(WAIT);
  await chat.shot(name, card);
}

type Authority = { id: string; name: string };

/** The authority pictured: `--authority ID`, else the first in the built knowledge. */
function authorityToPicture(): Authority {
  const { authorities } = loadTriageKnowledge();
  const at = process.argv.indexOf('--authority');
  const id = at >= 0 ? process.argv[at + 1] : Object.keys(authorities)[0];
  const found = id === undefined ? undefined : authorities[id];
  if (id === undefined || !found) throw new Error(`unknown authority "${String(id)}" (known: ${Object.keys(authorities).join(', ')})`);
  return { id, name: found.name };
}

async function main(): Promise<void> {
  const authority = authorityToPicture();
  mkdirSync(OUT, { recursive: true });
  const port = await freePort();
  const relay = await startChampionsRelay(await freePort(), port);
  console.log('Starting the bot in local mode (the knowledge base must be built: npm run knowledge:ensure)…');
  const bot = await startLocalBot(port, {
    CHAMPION_IDS: localObjectId(LOCAL_USER.id),
    CHAMPIONS_CONVERSATION_ID: CHAMPIONS_PLACEHOLDER,
    CHAMPIONS_SERVICE_URL: relay.url,
  });
  const browser = await launchChromium();
  try {
    const origin = `http://127.0.0.1:${port}`;
    const { page } = await confinedPage(browser, origin);
    await page.setViewportSize({ width: 860, height: 2800 });
    await page.addInitScript(({ key, id }) => localStorage.setItem(key, id), LOCAL_USER);
    const chat = chatOn(page);
    const started = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/v3/directline/conversations'));
    await page.goto(`${origin}/`);
    relay.target = ((await (await started).json()) as { conversationId: string }).conversationId;
    await page.addStyleTag({ content: WIDE_CARDS });
    await chat.card('I answer questions about domestic abuse policy').waitFor(WAIT);
    await chat.say(`set authority ${authority.name}`);
    // The reply up to the name: Web Chat renders its markdown (and curls its quotes).
    await page
      .getByText(`${MESSAGES.authoritySet.split('{authority}')[0]!.replace(/\*/g, '')}${authority.name}`)
      .first()
      .waitFor(WAIT);
    await answerShot(chat);
    await rateAnswers(chat);
    await championShots(chat);
    await reportShot(chat);
    await triageShot(chat, authority);
    await simpleShot(chat, 'escalation', /escalat/i, 'escalation');
    await simpleShot(chat, 'compare LADO', /LADO/, 'compare');
    await simpleShot(chat, 'services she needs somewhere safe to stay tonight', /National Domestic Abuse Helpline/, 'services');
    await inductionShots(chat, authority);
  } finally {
    await browser.close();
    bot.kill();
    await relay.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
