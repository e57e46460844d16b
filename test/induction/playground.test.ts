import { type Page } from 'playwright-core';
import { cardsWith, lastCard, WAIT } from '../chromium';
import { fill, INDUCTION_MESSAGES as W } from '../../bot/messages';
import { say, usePlayground } from '../playground';
import { escapeRe } from '../../knowledge/triage/error-location';
import { expectSummaryThenShare, plain, stepsOf } from './helpers';

/**
 * The whole induction course in the Microsoft 365 Agents Playground (a Teams emulator from npm,
 * run offline), driven as the local chat test drives it: Teams-shaped activities, the cards drawn
 * by the playground's own renderer (its expanded choice sets are Fluent radio groups), a person
 * picking answers and pressing the cards' buttons. Everything asserted is what a user sees.
 */

const WANDSWORTH = { id: 'wandsworth', name: 'Wandsworth' };

let page: Page;
usePlayground((_bot, p) => (page = p));

test('a new starter takes the course in the Agents Playground, from the first step to the summary', async () => {
  const steps = stepsOf(WANDSWORTH);
  await say(page, `set authority ${WANDSWORTH.name}`);
  await page.getByText(`Your authority is now ${WANDSWORTH.name}`).first().waitFor(WAIT);
  await say(page, 'induction');

  for (const [i, step] of steps.entries()) {
    // No digit after it ("step 1 of 16" is not "step 1 of 1"); the playground runs text blocks together, so no \b.
    const heading = new RegExp(`${escapeRe(fill(W.stepHeading, { n: i + 1, total: steps.length }))}(?!\\d)`);
    const shown = cardsWith(page, heading).filter({ hasText: W.checkHeading }).last();
    await shown.waitFor(WAIT);
    expect(plain(await shown.textContent())).toContain(step.citation.quote);
    // The second step's first question is answered wrongly on purpose.
    for (const [j, q] of step.questions.entries()) {
      const pick = i === 1 && j === 0 ? q.options.find((_, k) => k !== q.answer)! : q.options[q.answer]!;
      const group = shown.getByRole('radiogroup').nth(j);
      await group.getByRole('radio', { name: pick, exact: true }).check();
    }
    await shown.getByRole('button', { name: W.checkButton }).click();
    const feedback = cardsWith(page, heading).filter({ hasText: W.why }).last();
    await feedback.waitFor(WAIT);
    expect(await feedback.textContent()).toContain(i === 1 ? 'Not quite' : W.right);
    await feedback.getByRole('button', { name: i === steps.length - 1 ? W.finishButton : W.continueButton }).click();
  }

  // Opting in to share the completion date is a button on the summary.
  await expectSummaryThenShare(lastCard(page, W.completeHeading), steps, lastCard(page, W.sharedNote), WAIT);
});
