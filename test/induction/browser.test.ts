import type { Page } from 'playwright-core';
import { fill, INDUCTION_MESSAGES as W } from '../../bot/messages';
import { useLocalChatPage } from '../local-chat-page';
import type { RunningBot } from '../bot/helpers';
import { stepsOf } from './helpers';

/**
 * The whole induction course in a real browser: the local chat page (Web Chat), cards rendered by
 * Adaptive Cards, a person picking answers with the radio buttons and pressing the card's buttons.
 * Everything asserted is text a user sees.
 */

const LAMBETH = { id: 'lambeth', name: 'Lambeth' };
const WAIT = { timeout: 30_000 };

let bot: RunningBot;
let page: Page;
let pageErrors: string[];
// Nothing may be fetched from anywhere but this server (no CDN).
useLocalChatPage((chat) => ({ bot, page, pageErrors } = chat));

const card = (text: string | RegExp) => page.locator('.ac-adaptiveCard', { hasText: text }).last();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Web Chat's markdown turns straight quotes into curly ones. */
const plain = (s: string | null) => (s ?? '').replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');

async function type(text: string): Promise<void> {
  const box = page.locator('[data-id="webchat-sendbox-input"]');
  await box.fill(text);
  await box.press('Enter');
}

test('a new starter takes the course in the local chat, from the first step to the summary', async () => {
  const steps = stepsOf(LAMBETH);
  await page.goto(`${bot.url}/`);
  await card('I answer questions about domestic abuse policy').waitFor(WAIT);
  await type(`set authority ${LAMBETH.name}`);
  await page.getByText(`Your authority is now ${LAMBETH.name}`).first().waitFor(WAIT);
  await type('induction');

  for (const [i, step] of steps.entries()) {
    const heading = new RegExp(`${escape(fill(W.stepHeading, { n: i + 1, total: steps.length }))}\\b`);
    const shown = page.locator('.ac-adaptiveCard', { hasText: heading }).filter({ hasText: W.checkHeading }).last();
    await shown.waitFor(WAIT);
    expect(plain(await shown.textContent())).toContain(step.citation.quote);
    // The first question of the third step is answered wrongly on purpose.
    for (const [j, q] of step.questions.entries()) {
      const pick = i === 2 && j === 0 ? q.options.find((_, k) => k !== q.answer)! : q.options[q.answer]!;
      await shown.locator(`input[type="radio"][name="answer-${q.id}"][aria-label=${JSON.stringify(pick)}]`).check();
    }
    await shown.getByRole('button', { name: W.checkButton }).click();
    const feedback = page.locator('.ac-adaptiveCard', { hasText: heading }).filter({ hasText: W.why }).last();
    await feedback.waitFor(WAIT);
    expect(await feedback.textContent()).toContain(i === 2 ? 'Not quite' : W.right);
    await feedback.getByRole('button', { name: i === steps.length - 1 ? W.finishButton : W.continueButton }).click();
  }

  const summary = card(W.completeHeading);
  await summary.waitFor(WAIT);
  const text = plain(await summary.textContent());
  for (const s of steps) expect(text).toContain(s.topic);
  const total = steps.reduce((n, s) => n + s.questions.length, 0);
  expect(text).toContain(fill(W.score, { right: total - 1, of: total }));

  // Opting in to share the completion date is a button on the summary.
  await summary.getByRole('button', { name: W.shareButton }).click();
  await card(W.sharedNote).waitFor(WAIT);
  expect(await page.getByText(/send failed/i).count()).toBe(0);
  expect(pageErrors).toEqual([]);
});
