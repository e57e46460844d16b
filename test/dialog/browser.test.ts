import type { Locator, Page } from 'playwright-core';
import { cardsWith, WAIT } from '../chromium';
import { useLocalChatPage } from '../local-chat-page';
import type { RunningBot } from '../bot/helpers';

/**
 * The triage dialog in a real browser: the local chat page (Web Chat, Direct Line emulation),
 * cards rendered by Adaptive Cards and updated in place through the connector PUT route.
 * Everything asserted is text a user sees.
 */

const AUTHORITY = { id: 'sutton', name: 'Sutton' };
const DESCRIPTION = 'Mum says her partner strangled her last night. Her son aged 10 was upstairs asleep.';
const STRANGULATION = /Strangulation/;

let bot: RunningBot;
let page: Page;
let pageErrors: string[];
// Nothing may be fetched from anywhere but this server (no CDN).
useLocalChatPage((chat) => ({ bot, page, pageErrors } = chat));

const cards = (text: string | RegExp) => cardsWith(page, text);
const card = (text: string | RegExp) => cards(text).last();

/** Steps 1 and 2 on the dialog card; returns the confirmation card. */
async function describe(stepOne: Locator): Promise<Locator> {
  await stepOne.locator('select').selectOption(AUTHORITY.id);
  await stepOne.getByRole('button', { name: 'No', exact: true }).click();
  const step2 = card('Triage: step 2 of 3');
  await step2.waitFor(WAIT);
  expect(await step2.textContent()).toMatch(/do not enter names or any identifying details/i);
  const box = step2.locator('textarea');
  expect(await box.getAttribute('placeholder')).toMatch(/no names/i);
  await box.fill(DESCRIPTION);
  await step2.getByRole('button', { name: 'Read my description' }).click();
  const confirm = card('Triage: step 3 of 3');
  await confirm.waitFor(WAIT);
  return confirm;
}

/** The result card's headline, scale and "why", as shown. */
async function result(): Promise<{ text: string; headline: string }> {
  const shown = card('Triage result');
  await shown.waitFor(WAIT);
  await shown.getByText('Discuss with your manager and follow local procedures; this is guidance, not a decision.').waitFor(WAIT);
  const text = (await shown.textContent()) ?? '';
  const headline = (await shown.locator('.ac-textBlock').nth(1).textContent()) ?? '';
  return { text, headline };
}

test('triage in the local chat: describe, untick an indicator, and the result changes to match', async () => {
  await page.goto(`${bot.url}/`);
  await card('I answer questions about domestic abuse policy').waitFor(WAIT);

  const sendBox = page.locator('[data-id="webchat-sendbox-input"]');
  await sendBox.fill('triage');
  await sendBox.press('Enter');
  const stepOne = card('Is anyone in immediate danger right now?');
  await stepOne.waitFor(WAIT);

  // Run 1: the severe indicator stays ticked.
  let confirm = await describe(stepOne);
  const strangulation = confirm.getByRole('checkbox', { name: STRANGULATION });
  expect(await strangulation.isChecked()).toBe(true);
  expect(await confirm.textContent()).toMatch(/I read these? .*Strangulation/);
  await confirm.getByRole('button', { name: 'See the result' }).click();
  const ticked = await result();
  expect(ticked.headline).toContain('Child protection');
  expect(ticked.text).toMatch(/Indicators you confirmed: [^.]*Strangulation/);
  expect(ticked.text).toContain('Sources');

  // The dialog is one card, updated in place at every step: no step cards are left behind.
  expect(await cards(/Triage: step \d of 3/).count()).toBe(0);
  expect(await cards('Triage result').count()).toBe(1);

  // Run 2: start again on the same card, untick it this time.
  await card('Triage result').getByRole('button', { name: 'Start again' }).click();
  const again = card('Is anyone in immediate danger right now?');
  await again.waitFor(WAIT);
  expect(await cards('Triage result').count()).toBe(0);
  confirm = await describe(again);
  const box = confirm.getByRole('checkbox', { name: STRANGULATION });
  expect(await box.isChecked()).toBe(true);
  await box.uncheck();
  expect(await box.isChecked()).toBe(false);
  await confirm.getByRole('button', { name: 'See the result' }).click();
  const unticked = await result();

  expect(unticked.headline).not.toBe(ticked.headline);
  expect(unticked.headline).not.toContain('Child protection');
  expect(unticked.text).not.toMatch(/Indicators you confirmed: [^.]*Strangulation/);
  expect(unticked.text).not.toMatch(/strangulation is life-threatening/);

  // The description typed into the card is gone from the page once the result is shown.
  expect(await page.getByText('upstairs asleep').count()).toBe(0);
  expect(await page.getByText(/send failed/i).count()).toBe(0);
  expect(pageErrors).toEqual([]);
});
