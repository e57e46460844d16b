import { validateCard } from '../../cards/validate';
import { formatIssued } from '../../cards/citation-text';
import { fill, INDUCTION_MESSAGES as W, MESSAGES } from '../../bot/messages';
import { USER, cardText, cardsIn, useBotAndConnector } from '../bot/helpers';
import { answersFor, chat, choiceSets, shown, stepsOf, submitData } from './helpers';

/** A new starter in Sutton takes the whole course through /api/messages, as Teams would send it. */

const SUTTON = { id: 'sutton', name: 'Sutton' };
const h = useBotAndConnector();
const me = chat(
  () => h.bot,
  () => h.connector,
);
const today = new Date().toISOString().slice(0, 10);

test('the course runs from the first step to the completion card, saving the place and the score', async () => {
  const steps = stepsOf(SUTTON);
  expect(steps.map((s) => s.id)).toContain('da-champions'); // Sutton's own step
  await me.submit({ verb: 'setAuthority', authority: SUTTON.id });
  const opening = await me.say('start induction');
  expect(opening[0]!.activity.text).toBe(W.started);
  let [card] = cardsIn(opening);

  const missed = steps[2]!.questions[0]!.id;
  for (const [i, step] of steps.entries()) {
    expect(validateCard(card!)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(fill(W.stepHeading, { n: i + 1, total: steps.length }));
    expect(text).toContain(step.citation.quote);
    expect(text).toContain(step.citation.title);
    expect(choiceSets(card)).toHaveLength(step.questions.length);

    const feedback = cardsIn(await me.submit({ ...submitData(card), ...answersFor(card, step, new Set([missed])) }));
    expect(feedback).toHaveLength(1);
    expect(validateCard(feedback[0]!)).toEqual([]);
    const marked = cardText(feedback[0]);
    expect(marked).toContain(W.why);
    expect(marked).toContain(step.citation.quote);
    if (step.questions.some((q) => q.id === missed))
      expect(marked).toContain(fill(W.wrong, { answer: steps[2]!.questions[0]!.options[steps[2]!.questions[0]!.answer]! }));
    else expect(marked).not.toContain('Not quite');

    if (i === 1) {
      const progress = await me.say('induction progress');
      expect(progress[0]!.activity.text).toBe(
        fill(W.progress, { done: 2, total: steps.length, right: countQuestions(steps, 2), of: countQuestions(steps, 2) }),
      );
    }
    [card] = cardsIn(await me.submit(submitData(feedback[0])));
  }

  // The summary: every topic covered, one answer missed.
  expect(validateCard(card!)).toEqual([]);
  const summary = cardText(card);
  const total = countQuestions(steps, steps.length);
  expect(summary).toContain(W.completeHeading);
  for (const s of steps) expect(summary).toContain(s.topic);
  expect(summary).toContain(fill(W.score, { right: total - 1, of: total }));
  expect(summary).toContain(fill(W.completeIntro, { date: formatIssued(today) }));
  expect((await me.say('induction progress'))[0]!.activity.text).toBe(fill(W.progressComplete, { date: formatIssued(today), right: total - 1, of: total }));
  // Typing "induction" again shows the summary, not step 1.
  expect(cardText(cardsIn(await me.say('induction'))[0])).toContain(W.completeHeading);
});

test('a colleague sees only a completion date, and only once it is shared', async () => {
  const manager = chat(
    () => h.bot,
    () => h.connector,
    { from: { id: '29:manager-1', name: 'Team manager' }, conversation: { id: 'a:manager-chat', conversationType: 'personal', isGroup: false, name: '' } },
  );
  const ask = () =>
    manager.say(`induction status <at>${USER.name}</at>`, {
      entities: [{ type: 'mention', mentioned: { id: USER.id, name: USER.name }, text: `<at>${USER.name}</at>` }],
    });
  expect((await ask())[0]!.activity.text).toBe(fill(W.statusNotShared, { name: USER.name }));

  const shared = await me.submit({ verb: 'induction.share' });
  expect(shared[0]!.activity.text).toBe(fill(W.shared, { date: formatIssued(today) }));
  expect(cardText(cardsIn(shared)[0])).toContain(W.unshareButton);
  const seen = (await ask())[0]!.activity.text!;
  expect(seen).toBe(fill(W.statusShared, { name: USER.name, date: formatIssued(today) }));
  expect(seen).not.toMatch(/score|\d+ of \d+/i);

  await me.submit({ verb: 'induction.unshare' });
  expect((await ask())[0]!.activity.text).toBe(fill(W.statusNotShared, { name: USER.name }));
  expect((await manager.say('induction status'))[0]!.activity.text).toBe(W.statusHowTo);
});

test('answers that are missing, out of range or for another step are refused without a crash', async () => {
  const other = chat(
    () => h.bot,
    () => h.connector,
    { from: { id: '29:new-starter-2', name: 'Another' }, conversation: { id: 'a:starter-2', conversationType: 'personal', isGroup: false, name: '' } },
  );
  await other.submit({ verb: 'setAuthority', authority: 'lambeth' });
  const [card] = cardsIn(await other.say('induction'));
  const [first] = choiceSets(card);
  expect(shown(await other.submit({ ...submitData(card) }))).toContain(fill(MESSAGES.badCard, { problems: W.chooseAnswer }));
  expect(shown(await other.submit({ ...submitData(card), [first!.id]: '9' }))).toContain(W.chooseAnswer);
  const later = await other.submit({ verb: 'induction.answer', step: 'safety-planning', [first!.id]: '0' });
  expect(later[0]!.activity.text).toBe(W.stale);
  expect(cardText(cardsIn(later)[0])).toContain(fill(W.stepHeading, { n: 1, total: stepsOf({ id: 'lambeth', name: 'Lambeth' }).length }));
  expect(shown(await other.submit({ verb: 'induction.answer' }))).toContain('the card is missing its step');
  // Nothing was recorded by any of those.
  expect((await other.say('induction progress'))[0]!.activity.text).toBe(W.notStarted);
});

test('without an authority the course asks for one first', async () => {
  const stranger = chat(
    () => h.bot,
    () => h.connector,
    { from: { id: '29:no-authority', name: 'New' }, conversation: { id: 'a:no-authority', conversationType: 'personal', isGroup: false, name: '' } },
  );
  const replies = await stranger.say('induction');
  expect(replies[0]!.activity.text).toBe(W.setAuthorityFirst);
  expect(cardText(cardsIn(replies)[0])).toMatch(/authority/i);
});

/** Questions in the first `n` steps. */
function countQuestions(steps: ReturnType<typeof stepsOf>, n: number): number {
  return steps.slice(0, n).reduce((sum, s) => sum + s.questions.length, 0);
}
