import type { Page } from 'playwright-core';
import { cardsWith, lastCard, WAIT } from '../chromium';
import { fill, INDUCTION_MESSAGES as W } from '../../bot/messages';
import { useLocalChatPage } from '../local-chat-page';
import type { RunningBot } from '../bot/helpers';
import { escapeRe } from '../../knowledge/triage/error-location';
import { expectSummaryThenShare, plain, stepsOf } from './helpers';

/**
 * The whole induction course in a real browser: the local chat page (Web Chat), cards rendered by
 * Adaptive Cards, a person picking answers with the radio buttons and pressing the card's buttons.
 * Everything asserted is text a user sees.
 */

const LAMBETH = { id: 'lambeth', name: 'Lambeth' };

let bot: RunningBot;
let page: Page;
let pageErrors: string[];
// Nothing may be fetched from anywhere but this server (no CDN).
useLocalChatPage((chat) => ({ bot, page, pageErrors } = chat));

const card = (text: string | RegExp) => lastCard(page, text);

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
    const heading = new RegExp(`${escapeRe(fill(W.stepHeading, { n: i + 1, total: steps.length }))}\\b`);
    const shown = cardsWith(page, heading).filter({ hasText: W.checkHeading }).last();
    await shown.waitFor(WAIT);
    expect(plain(await shown.textContent())).toContain(step.citation.quote);
    // The first question of the third step is answered wrongly on purpose.
    for (const [j, q] of step.questions.entries()) {
      const pick = i === 2 && j === 0 ? q.options.find((_, k) => k !== q.answer)! : q.options[q.answer]!;
      await shown.locator(`input[type="radio"][name="answer-${q.id}"][aria-label=${JSON.stringify(pick)}]`).check();
    }
    await shown.getByRole('button', { name: W.checkButton }).click();
    const feedback = cardsWith(page, heading).filter({ hasText: W.why }).last();
    await feedback.waitFor(WAIT);
    expect(await feedback.textContent()).toContain(i === 2 ? 'Not quite' : W.right);
    await feedback.getByRole('button', { name: i === steps.length - 1 ? W.finishButton : W.continueButton }).click();
  }

  // Opting in to share the completion date is a button on the summary.
  await expectSummaryThenShare(card(W.completeHeading), steps, card(W.sharedNote), WAIT);
  expect(await page.getByText(/send failed/i).count()).toBe(0);
  expect(pageErrors).toEqual([]);
});
