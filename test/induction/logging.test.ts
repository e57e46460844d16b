import type { Activity } from 'botbuilder';
import { createLogger } from '../../bot/log';
import { USER, cardsIn, personalMessage, sendToBot, startBot, startConnector, type ConnectorListener, type RunningBot } from '../bot/helpers';
import { answersFor, stepsOf, submitData } from './helpers';

/** The induction's log lines carry the action, the step id and counts: never an answer, a question, a name or an id in clear. */

const lines: string[] = [];
let bot: RunningBot;
let connector: ConnectorListener;

beforeAll(async () => {
  connector = await startConnector();
  bot = await startBot({ log: createLogger({ write: (line: string) => void lines.push(line) }, 'info') });
});
afterAll(async () => {
  await bot.close();
  await connector.close();
});

const from = { ...USER, id: '29:induction-logging-user', name: 'Ottoline Brackenbury' };
const conversation = { id: 'a:induction-logging-chat', conversationType: 'personal', isGroup: false, name: '' };
const send = (text: string | undefined, extra: Partial<Activity> = {}) =>
  sendToBot(bot, connector, personalMessage(connector.serviceUrl, text, { from, conversation, ...extra } as Partial<Activity>));

test('a course with answers, sharing and a status look-up leaves nothing of what was chosen or named in the log', async () => {
  const steps = stepsOf({ id: 'stoke-on-trent', name: 'Stoke-on-Trent' });
  await send(undefined, { value: { verb: 'setAuthority', authority: 'stoke-on-trent' } });
  let [card] = cardsIn(await send('induction'));
  for (const step of steps) {
    const [feedback] = cardsIn(await send(undefined, { value: { ...submitData(card), ...answersFor(card, step) } }));
    [card] = cardsIn(await send(undefined, { value: submitData(feedback) }));
  }
  await send(undefined, { value: { verb: 'induction.share' } });
  const colleague = 'Peregrine Whitlock';
  await send(`induction status <at>${colleague}</at>`, {
    entities: [{ type: 'mention', mentioned: { id: '29:peregrine-teams-id', name: colleague }, text: `<at>${colleague}</at>` }],
  });

  const induction = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'induction' || l.event === 'induction');
  expect(induction.length).toBeGreaterThan(steps.length);
  const allowed = new Set([
    'level',
    'time',
    'pid',
    'hostname',
    'service',
    'msg',
    'event',
    'activityId',
    'action',
    'step',
    'resumed',
    'steps',
    'complete',
    'saved',
    'people',
  ]);
  for (const l of induction) expect(Object.keys(l).filter((k) => !allowed.has(k))).toEqual([]);
  const all = lines.join('\n');
  for (const needle of [
    colleague,
    from.name,
    from.id,
    '29:peregrine-teams-id',
    ...steps.flatMap((s) => [s.citation.quote, ...s.questions.flatMap((q) => q.options)]),
  ]) {
    expect({ needle, found: all.includes(needle) }).toEqual({ needle, found: false });
  }
});
