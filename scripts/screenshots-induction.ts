import { fill, INDUCTION_MESSAGES as W } from '../bot/messages';
import { stepsOf } from '../test/induction/helpers';
import type { Chat } from './screenshots';

const WAIT = { timeout: 60_000 };
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The induction: the first step card, then every step answered (rightly) to the completion card. */
export async function inductionShots(chat: Chat, authority: { id: string; name: string }): Promise<void> {
  const steps = stepsOf(authority);
  const { page } = chat;
  await chat.say('induction');
  for (const [i, step] of steps.entries()) {
    const heading = new RegExp(`${escape(fill(W.stepHeading, { n: i + 1, total: steps.length }))}(?!\\d)`);
    const shown = page.locator('.ac-adaptiveCard', { hasText: heading }).filter({ hasText: W.checkHeading }).last();
    await shown.waitFor(WAIT);
    for (const q of step.questions) {
      await shown.locator(`input[type="radio"][name="answer-${q.id}"][aria-label=${JSON.stringify(q.options[q.answer]!)}]`).check();
    }
    if (i === 0) await chat.shot('induction-step', shown);
    await shown.getByRole('button', { name: W.checkButton }).click();
    const feedback = page.locator('.ac-adaptiveCard', { hasText: heading }).filter({ hasText: W.why }).last();
    await feedback.waitFor(WAIT);
    await feedback.getByRole('button', { name: i === steps.length - 1 ? W.finishButton : W.continueButton }).click();
  }
  const summary = chat.card(W.completeHeading);
  await summary.waitFor(WAIT);
  await chat.shot('induction-complete', summary);
}
