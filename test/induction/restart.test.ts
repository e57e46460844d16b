import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStorage } from '../../bot/storage';
import { fill, INDUCTION_MESSAGES as W } from '../../bot/messages';
import { cardText, cardsIn, startBot, startConnector, type ConnectorListener, type RunningBot } from '../bot/helpers';
import { answersFor, chat, stepsOf, submitData } from './helpers';

/** Progress is kept in the file store: a new bot process over the same folder resumes at the same step. */

const CAMDEN = { id: 'camden', name: 'Camden' };
let dir: string;
let connector: ConnectorListener;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'induction-restart-'));
  connector = await startConnector();
});
afterAll(async () => {
  await connector.close();
  rmSync(dir, { recursive: true, force: true });
});

test('after a restart the course resumes at the step where it stopped, and the file holds no answers', async () => {
  const steps = stepsOf(CAMDEN);
  let bot: RunningBot = await startBot({ storage: new FileStorage(dir) });
  const me = chat(
    () => bot,
    () => connector,
  );
  try {
    await me.submit({ verb: 'setAuthority', authority: CAMDEN.id });
    let [card] = cardsIn(await me.say('induction'));
    for (const step of steps.slice(0, 3)) {
      const [feedback] = cardsIn(await me.submit({ ...submitData(card), ...answersFor(card, step) }));
      [card] = cardsIn(await me.submit(submitData(feedback)));
    }
  } finally {
    await bot.close();
  }

  // What the store holds: step ids and counts, never the words of a question or an answer.
  const stored = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  expect(stored).toContain(steps[2]!.id);
  for (const step of steps.slice(0, 3)) for (const q of step.questions) for (const option of q.options) expect(stored).not.toContain(option);

  bot = await startBot({ storage: new FileStorage(dir) });
  try {
    const replies = await me.say('resume induction');
    expect(replies[0]!.activity.text).toBe(fill(W.resumed, { done: 3, total: steps.length }));
    const resumed = cardText(cardsIn(replies)[0]);
    expect(resumed).toContain(fill(W.stepHeading, { n: 4, total: steps.length }));
    expect(resumed).toContain(steps[3]!.citation.quote);
    expect((await me.say('induction progress'))[0]!.activity.text).toBe(
      fill(W.progress, { done: 3, total: steps.length, right: 3, of: steps.slice(0, 3).reduce((n, s) => n + s.questions.length, 0) }),
    );
  } finally {
    await bot.close();
  }
});
