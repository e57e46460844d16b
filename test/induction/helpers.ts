import type { Locator } from 'playwright-core';
import { fill, INDUCTION_MESSAGES as W } from '../../bot/messages';
import { courseFor, loadInductionCourse, type CourseStep } from '../../knowledge/induction';
import { loadTriageKnowledge } from '../../knowledge/triage';
import { cardText, cardsIn, findNodes, personalMessage, sendToBot, type CapturedReply, type ConnectorListener, type RunningBot } from '../bot/helpers';

/** The steps a user of `authority` takes, from the built course: what the tests answer against. */
export function stepsOf(authority: { id: string; name: string }): CourseStep[] {
  return courseFor(loadInductionCourse(), { authority: { ...authority, contacts: loadTriageKnowledge().authorities[authority.id]!.contacts } });
}

/** The inputs of a step card: one choice set per question, with the choices as shown. */
export function choiceSets(card: unknown): { id: string; label: string; choices: { title: string; value: string }[] }[] {
  return findNodes(card, (n) => n.type === 'Input.ChoiceSet').map((n) => ({
    id: String(n.id),
    label: String(n.label),
    choices: n.choices as { title: string; value: string }[],
  }));
}

/** The submit data of a card's first Action.Submit. */
export function submitData(card: unknown): Record<string, unknown> {
  return findNodes(card, (n) => n.type === 'Action.Submit')[0]!.data as Record<string, unknown>;
}

/** The values that answer a step card: the right option for each question, unless `wrong` names it. */
export function answersFor(card: unknown, step: CourseStep, wrong: ReadonlySet<string> = new Set()): Record<string, string> {
  const sets = choiceSets(card);
  return Object.fromEntries(
    step.questions.map((q, i) => {
      const right = q.options[q.answer]!;
      const pick = sets[i]!.choices.find((c) => (wrong.has(q.id) ? c.title !== right : c.title === right))!;
      return [sets[i]!.id, pick.value];
    }),
  );
}

export interface Chat {
  say(text: string | undefined, extra?: Record<string, unknown>): Promise<CapturedReply[]>;
  submit(value: Record<string, unknown>): Promise<CapturedReply[]>;
}

export function chat(bot: () => RunningBot, connector: () => ConnectorListener, who: Record<string, unknown> = {}): Chat {
  return {
    say: (text, extra = {}) => sendToBot(bot(), connector(), personalMessage(connector().serviceUrl, text, { ...who, ...extra })),
    submit: (value) => sendToBot(bot(), connector(), personalMessage(connector().serviceUrl, undefined, { ...who, value })),
  };
}

/** Plain-text replies and the text of every card, in order. */
export function shown(replies: CapturedReply[]): string {
  return replies.map((r) => [r.activity.text ?? '', ...cardsIn([r]).map(cardText)].join(' ')).join('\n');
}

/** Curly quotes as a web card shows them, straight for comparing with the source. */
export const plain = (s: string | null): string => (s ?? '').replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');

/**
 * The course's summary card, as a user taking it in a browser sees it after one wrong answer:
 * every topic listed and the score; then "share my completion date", and the note that it was shared.
 */
export async function expectSummaryThenShare(summary: Locator, steps: readonly CourseStep[], sharedNote: Locator, wait: { timeout: number }): Promise<void> {
  await summary.waitFor(wait);
  const text = plain(await summary.textContent());
  for (const s of steps) expect(text).toContain(s.topic);
  const total = steps.reduce((n, s) => n + s.questions.length, 0);
  expect(text).toContain(fill(W.score, { right: total - 1, of: total }));
  await summary.getByRole('button', { name: W.shareButton }).click();
  await sharedNote.waitFor(wait);
}
