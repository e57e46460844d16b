import { type Page } from 'playwright-core';
import { lastCard, WAIT } from '../chromium';
import { useLocalChatPage } from '../local-chat-page';
import { engine, type RunningBot } from './helpers';

/**
 * End to end in a real browser: the local chat page, Web Chat from the bundled script, the
 * Direct Line emulation, the bot in process, and its replies through the connector routes.
 */

const QUESTION = 'do I need to do a safety plan with the victim and children?';

let bot: RunningBot;
let page: Page;
let pageErrors: string[];
/** What the page's Content-Security-Policy blocked: nothing the chat needs may be. */
const blocked: string[] = [];

// Nothing may be fetched from anywhere but this server (no CDN).
useLocalChatPage((chat) => {
  ({ bot, page, pageErrors } = chat);
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });
});

const card = (text: string) => lastCard(page, text);

test('the local chat page: welcome, set authority through the card, ask, see the cited answer', async () => {
  const e = engine();
  await e.whenReady();
  const tops = await Promise.all(e.authorities.map(async (a) => ({ a, top: (await e.answer(QUESTION, { authority: a.id })).results[0] })));
  // An authority whose own document answers the question, so the citation shows it was used.
  const authority = tops.find(({ a, top }) => top?.citation.authorities.includes(a.id))!.a;
  const expected = (await e.answer(QUESTION, { authority: authority.id })).results[0]!.citation;

  await page.goto(`${bot.url}/`);
  await page.getByText('Local development chat').waitFor(WAIT);
  await page.getByText('Do not enter names or any identifying details').first().waitFor(WAIT);

  const welcome = card('I answer questions about domestic abuse policy');
  await welcome.waitFor(WAIT);
  expect(await welcome.textContent()).toMatch(/do not enter names or any identifying details/i);

  await welcome.getByRole('button', { name: 'Set my authority' }).click();
  const setAuthority = card('Set your authority');
  await setAuthority.waitFor(WAIT);
  await setAuthority.locator('select').selectOption(authority.id);
  await setAuthority.getByRole('button', { name: 'Save' }).click();
  await page.getByText(`Your authority is now ${authority.name}`).first().waitFor(WAIT);

  const sendBox = page.locator('[data-id="webchat-sendbox-input"]');
  await sendBox.fill(QUESTION);
  await sendBox.press('Enter');

  const answer = card('Source:');
  await answer.waitFor(WAIT);
  const text = (await answer.textContent()) ?? '';
  expect(text).toContain(`Source: ${expected.title}`);
  expect(text).toContain(authority.name);
  expect(text).toContain(expected.section);
  await answer.getByRole('button', { name: 'Open in library' }).waitFor(WAIT);

  // The user's own message is echoed back, so Web Chat shows it as sent, not failed.
  await page.getByText(QUESTION).first().waitFor(WAIT);
  expect(await page.getByText(/send failed/i).count()).toBe(0);
  expect(pageErrors).toEqual([]);
  expect(blocked).toEqual([]);
});
