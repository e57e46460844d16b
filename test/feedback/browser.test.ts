import type { Page } from 'playwright-core';
import { lastCard, WAIT } from '../chromium';
import { FEEDBACK_MESSAGES as F } from '../../bot/messages';
import { lastDays } from '../../bot/feedback/records';
import { useLocalChatPage } from '../local-chat-page';
import type { RunningBot } from '../bot/helpers';

/**
 * The answer card's feedback in a real browser (the local chat page, Web Chat, Adaptive Cards):
 * "Not helpful" opens the reason list and the share toggle, a person picks a reason, ticks share,
 * sends, and is thanked. Everything asserted on the page is text a user sees.
 */

const QUESTION = "my client's partner Darren checks her phone every night, is that coercive control?";
const REASON = 'It looks out of date';

let bot: RunningBot;
let page: Page;
let pageErrors: string[];
// Nothing may be fetched from anywhere but this server (no CDN).
useLocalChatPage((chat) => ({ bot, page, pageErrors } = chat));

const card = (text: string | RegExp) => lastCard(page, text);

test('Not helpful on an answer: choose a reason, tick share, send, and be thanked', async () => {
  await page.goto(`${bot.url}/`);
  await card('I answer questions about domestic abuse policy').waitFor(WAIT);
  const sendBox = page.locator('[data-id="webchat-sendbox-input"]');
  await sendBox.fill(QUESTION);
  await sendBox.press('Enter');

  const answer = card('Source:');
  await answer.waitFor(WAIT);
  await answer.getByRole('button', { name: 'Helpful', exact: true }).waitFor(WAIT);
  await answer.getByRole('button', { name: 'Not helpful' }).click();

  // The reason list and the share toggle, with the question as it would be shared (name taken out).
  const reason = answer.getByRole('radio', { name: REASON });
  await reason.waitFor(WAIT);
  const shared = answer.getByText(/What would be shared:/);
  expect(await shared.textContent()).toMatch(/coercive control/);
  expect(await shared.textContent()).not.toContain('Darren');
  // Sending with no reason chosen is stopped by the card, and says why.
  await answer.getByRole('button', { name: 'Send feedback' }).click();
  await answer.getByText('Please choose what was wrong').waitFor(WAIT);

  await reason.check();
  const share = answer.getByRole('checkbox', { name: /Share my question with the domestic abuse champions/ });
  expect(await share.isChecked()).toBe(false);
  await share.check();
  await answer.getByRole('button', { name: 'Send feedback' }).click();

  await page
    .getByText(/Your question was shared with the domestic abuse champions/)
    .first()
    .waitFor(WAIT);
  expect(await page.getByText(F.thanksNotHelpful).count()).toBe(0);

  // What the champions will see: the reason and the redacted question, nobody's name.
  const records = await bot.feedback.query(lastDays(1));
  const rated = records.find((r) => r.kind === 'feedback');
  expect(rated).toMatchObject({ rating: 'not-helpful', reason: 'out-of-date' });
  const question = rated?.redactedQuestion ?? '';
  expect(question).toMatch(/coercive control/);
  expect(question).not.toContain('Darren');
  expect(await page.getByText(/send failed/i).count()).toBe(0);
  expect(pageErrors).toEqual([]);
});
