import type { Activity } from 'botbuilder';
import { createLogger } from '../../bot/log';
import { pressed } from '../dialog/helpers';
import { USER, cardText, cardsIn, engine, personalMessage, sendToBot, startBot, startConnector, type ConnectorListener, type RunningBot } from './helpers';

/**
 * A whole conversation through the real endpoint and the real logger (pino, JSON lines): questions,
 * set authority, a full triage with its card submissions, glossary and contacts. Not one thing the
 * practitioner typed or entered in a card may appear in any log line.
 */

const lines: string[] = [];
const sink = { write: (line: string) => void lines.push(line) };
let bot: RunningBot;
let connector: ConnectorListener;

beforeAll(async () => {
  connector = await startConnector();
  bot = await startBot({ log: createLogger(sink, 'info') });
});
afterAll(async () => {
  await bot.close();
  await connector.close();
});

const from = { ...USER, id: '29:logging-conversation-user' };
const conversation = { id: 'a:logging-conversation-chat', conversationType: 'personal', isGroup: false, name: '' };
/** Everything typed or entered, to look for in the log afterwards; `prose` is free text (its words are looked for too). */
const entered: string[] = [];
const prose: string[] = [];

/** `look`: prose (the entry and its words), whole (the entry only: a command with an argument), none (a bare command word). */
async function type(text: string, look: 'prose' | 'whole' | 'none' = 'prose') {
  if (look !== 'none') entered.push(text);
  if (look === 'prose') prose.push(text);
  return sendToBot(bot, connector, personalMessage(connector.serviceUrl, text, { from, conversation } as Partial<Activity>));
}
async function submit(value: Record<string, unknown>, typed: string[] = []) {
  entered.push(...typed);
  prose.push(...typed);
  return sendToBot(bot, connector, personalMessage(connector.serviceUrl, undefined, { from, conversation, value } as Partial<Activity>));
}

/**
 * What to look for: every whole entry, and every word of six letters or more in free text. A
 * command's own words (contacts, authority) may name a log event or field, so they are not.
 */
function needles(): string[] {
  const words = prose.flatMap((e) => e.split(/[^A-Za-z']+/).filter((w) => w.length >= 6));
  return [...new Set([...entered, ...words])];
}

test('nothing typed or entered in a card reaches the log, across a whole conversation', async () => {
  const authority = engine().authorities.find((a) => a.id === 'sutton') ?? engine().authorities[0]!;
  expect(cardsIn(await type('Does Mrs Quennell need a MARAC referral after the kitchen incident on Wednesday?'))).toHaveLength(1);
  expect((await type(`set authority ${authority.name}`, 'whole'))[0]!.activity.text).toContain(authority.name);
  expect(cardsIn(await type('glossary IDVA', 'whole'))).toHaveLength(0);
  expect(cardsIn(await type('contacts', 'none'))).toHaveLength(1);
  expect(cardsIn(await type('who do I escalate to?', 'whole'))).toHaveLength(1);
  expect(cardsIn(await type('compare LADO', 'whole'))).toHaveLength(1);
  // The words after the command word are looked for ("services" itself names the log event).
  prose.push('Eudora Pennyfeather, a grandmother in her 80s');
  expect(cardsIn(await type('services for Eudora Pennyfeather, a grandmother in her 80s', 'whole'))).toHaveLength(1);

  const step1 = cardsIn(await type('I’m worried about Tamsin Draycott, whose boyfriend Lucian checks her telephone constantly')).at(-1)!;
  const step2 = cardsIn(await submit(pressed(step1, 'No', (i) => (i.authority = authority.id)))).at(-1)!;
  const description = 'Lucian Draycott grabbed Tamsin by the throat in the hallway; toddler Bartholomew watched from the stairs.';
  const confirm = cardsIn(
    await submit(
      pressed(step2, 'Read my description', (i) => (i.description = description)),
      [description],
    ),
  ).at(-1)!;
  const checked = pressed(confirm, 'See the result', (i) => {
    i.childAges = '2';
    i.dashScore = '17';
    i.policeNotifications = '3';
  });
  // (The numbers entered are not looked for: a timestamp or a timing may contain them by chance.)
  const result = cardsIn(await submit(checked)).at(-1)!;
  expect(cardText(result)).toMatch(/guidance, not a decision/);
  const own = 'Should Pemberton Academy be told about Bartholomew before half-term?';
  expect(
    cardsIn(
      await submit(
        pressed(result, 'Ask', (i) => (i.question = own)),
        [own],
      ),
    ),
  ).toHaveLength(1);
  expect(
    cardsIn(
      await submit({ verb: 'ask', question: 'Where does Quennell stand on Clare’s Law disclosure?' }, ['Where does Quennell stand on Clare’s Law disclosure?']),
    ),
  ).toHaveLength(1);

  // The log did record the conversation: as events, steps and hashed ids.
  const log = lines.join('');
  for (const event of ['"event":"answer"', '"event":"turn"', '"event":"triage"', '"event":"contacts"']) expect(log).toContain(event);
  expect(log).toContain('"step":"result"');
  expect(lines.length).toBeGreaterThan(10);
  for (const needle of needles()) {
    const found = lines.find((l) => l.toLowerCase().includes(needle.toLowerCase()));
    expect({ needle, found }).toEqual({ needle, found: undefined });
  }
  // Nor are the Teams ids, in any form but a hash.
  expect(log).not.toMatch(/logging-conversation-(user|chat)/);
});
