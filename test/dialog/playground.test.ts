import { type Page } from 'playwright-core';
import { cardsWith, lastCard, WAIT } from '../chromium';
import { say, usePlayground } from '../playground';

/**
 * The whole triage dialog in the Microsoft 365 Agents Playground (a Teams emulator from npm, run
 * offline): Teams-shaped activities, cards rendered by its own renderer, one card updated in
 * place. A practitioner reads the description back, answers the questions that change the
 * pathway (one "Don't know"), and reads the result. Everything asserted is what a user sees.
 */
const DESCRIPTION = "School rang: the 7 year old said dad squeezed mummy's neck last night and she couldn't breathe. Mum had marks on her neck.";

let page: Page;
usePlayground((_bot, p) => (page = p));

const card = (text: string | RegExp) => lastCard(page, text);

/** Choose an option of a compact choice set (the playground renders a Fluent combobox). */
async function choose(scope: ReturnType<typeof card>, label: string | RegExp, option: string): Promise<void> {
  const box = scope.getByRole('combobox').nth(await comboboxIndex(scope, label));
  await box.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function comboboxIndex(scope: ReturnType<typeof card>, label: string | RegExp): Promise<number> {
  // Each compact choice set follows its label text; find the label's position among them.
  const texts = await scope.getByRole('combobox').evaluateAll((els) =>
    els.map((el) => {
      let node: Element | null = el;
      for (let i = 0; i < 8 && node; i++) {
        const prev = node.previousElementSibling;
        if (prev?.textContent?.trim()) return prev.textContent.trim();
        node = node.parentElement;
      }
      return '';
    }),
  );
  const i = texts.findIndex((t) => (typeof label === 'string' ? t.includes(label) : label.test(t)));
  if (i < 0) throw new Error(`no choice set labelled ${String(label)} among: ${texts.join(' | ')}`);
  return i;
}

test('triage in the Agents Playground: describe, answer the questions that change the pathway, read the result', async () => {
  await say(page, 'triage');

  const step1 = card('Triage: step 1 of 3');
  await step1.waitFor(WAIT);
  await choose(step1, 'Your local authority', 'Camden');
  await step1.getByRole('button', { name: 'No', exact: true }).click();

  const step2 = card('Triage: step 2 of 3');
  await step2.waitFor(WAIT);
  await step2.locator('textarea').fill(DESCRIPTION);
  await step2.getByRole('button', { name: 'Read my description' }).click();

  const confirm = card('Triage: step 3 of 3');
  await confirm.waitFor(WAIT);
  expect(await confirm.textContent()).toMatch(/Strangulation/);
  expect(await confirm.textContent()).toContain('Questions that change the pathway');
  await choose(confirm, 'Does the person causing harm work or volunteer with children?', 'Yes');
  await choose(confirm, 'Has a child been hurt?', "Don't know");
  await confirm.getByRole('button', { name: 'See the result' }).click();

  const result = card('Triage result');
  await result.waitFor(WAIT);
  const text = (await result.textContent()) ?? '';
  expect(text).toContain('Child protection: s47 enquiry and strategy meeting');
  expect(text).toContain('Discuss with your manager and follow local procedures; this is guidance, not a decision.');
  // "Yes" to working with children: the LADO, with Camden's LADO number to call.
  expect(text).toMatch(/LADO/);
  await result
    .getByText(/Call 020 7974 6669/)
    .first()
    .waitFor(WAIT);
  // "Don't know" on a severe question: listed to check, with what a yes would mean.
  expect(text).toMatch(/Check before you act[\s\S]*Has a child been hurt\?[\s\S]*If the answer is yes, this becomes/);
  // The reasoning is behind "Show why"; it opens on a click.
  const why = result.getByText(/Indicators you confirmed/);
  expect(await why.isVisible()).toBe(false);
  await result.getByRole('button', { name: 'Show why' }).click();
  await why.waitFor({ state: 'visible', ...WAIT });
  // One card for the whole dialog: the steps were replaced in place.
  expect(await cardsWith(page, /Triage: step \d of 3/).count()).toBe(0);
});
