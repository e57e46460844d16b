import type { Activity } from 'botbuilder';
import { validateCard } from '../../cards/validate';
import { lastDays } from '../../bot/feedback/records';
import type { LogFields, Logger } from '../../bot/log';
import { CHAMPION_MESSAGES, fill } from '../../bot/messages';
import {
  BOT,
  USER,
  cardText,
  cardsIn,
  findNodes,
  personalMessage,
  sendToBot,
  startBot,
  startConnector,
  type CapturedReply,
  type ConnectorListener,
  type RunningBot,
} from '../bot/helpers';

/** "Ask a champion" end to end: through /api/messages, with a local connector standing in for Teams. */

const CHAMPION = { id: '29:champion-in-channel', name: 'Champion', aadObjectId: '7e1f0c2a-9b3d-4e5f-8a6b-0c1d2e3f4a5b' };
const COLLEAGUE = { id: '29:colleague', name: 'Colleague', aadObjectId: '00000000-0000-0000-0000-0000000000c2' };
const CHANNEL = '19:champions-channel@thread.tacv2';
const ASKER_CHAT = 'a:personal-conversation';

const lines: string[] = [];
const record = (event: string, fields?: LogFields) => void lines.push(`${event} ${JSON.stringify(fields ?? {})}`);
const log: Logger = { info: record, warn: record, error: record };
const clock = new Date('2025-06-03T10:30:00.000Z');

let bot: RunningBot;
let connector: ConnectorListener;

beforeAll(async () => {
  connector = await startConnector();
  bot = await startBot({
    log,
    now: () => clock,
    env: {
      CHAMPION_IDS: CHAMPION.aadObjectId,
      CHAMPIONS_CONVERSATION_ID: CHANNEL,
      CHAMPIONS_SERVICE_URL: connector.serviceUrl,
      CHAMPION_ROLE_LABEL: 'Safeguarding lead',
    },
  });
});
afterAll(async () => {
  await bot?.close();
  await connector?.close();
});
beforeEach(() => connector.take());

const fromAsker = (text: string | undefined, value?: unknown) =>
  sendToBot(bot, connector, personalMessage(connector.serviceUrl, text, value === undefined ? {} : { value }));

/** A card submission from someone in the champions' channel (a reply in the card's thread). */
const inChannel = (from: Activity['from'], value: unknown) =>
  sendToBot(bot, connector, {
    ...personalMessage(connector.serviceUrl, undefined, { value }),
    from,
    recipient: BOT,
    conversation: { id: `${CHANNEL};messageid=1717400000000`, conversationType: 'channel', isGroup: true, name: 'Champions' },
    replyToId: 'reply-1',
  });

const texts = (replies: CapturedReply[]) => replies.filter((r) => r.activity.text).map((r) => r.activity.text);
const submitData = (card: unknown, verb: string) =>
  findNodes(card, (n) => n.type === 'Action.Submit' && (n.data as { verb?: string } | undefined)?.verb === verb)[0]?.data as
    Record<string, unknown> | undefined;

/** A question the policies do not answer, with a name in it. */
const DECLINED = "what's the weather tomorrow for the home visit to mum Priya";

let questionId = '';

describe('asking a champion', () => {
  test('answer and decline cards offer "Ask a champion", carrying the question redacted', async () => {
    const [answer] = cardsIn(await fromAsker('who chairs the MARAC meeting'));
    expect(submitData(answer, 'askChampion')).toEqual({ verb: 'askChampion', question: 'who chairs the MARAC meeting' });
    const [decline] = cardsIn(await fromAsker(DECLINED));
    expect(findNodes(decline, (n) => n.type === 'RichTextBlock')).toHaveLength(0);
    expect(submitData(decline, 'askChampion')).toEqual({ verb: 'askChampion', question: "what's the weather tomorrow for the home visit to mum [name]" });
    expect(JSON.stringify(decline)).not.toContain('Priya');
  });

  test('the consent step shows the redacted question to edit, and the reminder about identifying details', async () => {
    const [decline] = cardsIn(await fromAsker(DECLINED));
    const [consent] = cardsIn(await fromAsker(undefined, submitData(decline, 'askChampion')));
    expect(validateCard(consent!)).toEqual([]);
    const box = findNodes(consent, (n) => n.type === 'Input.Text')[0]!;
    expect(box).toMatchObject({ id: 'question', value: "what's the weather tomorrow for the home visit to mum [name]" });
    expect(cardText(consent)).toContain(CHAMPION_MESSAGES.consentReminder);
    expect(submitData(consent, 'sendChampionQuestion')).toEqual({ verb: 'sendChampionQuestion' });
    expect(texts(await fromAsker(undefined, submitData(consent, 'cancelChampionQuestion')))).toEqual([CHAMPION_MESSAGES.cancelled]);
  });

  test('sending posts the question, redacted again, as a card in the champions channel', async () => {
    // The asker edited the box and typed a phone number into it.
    const edited = 'when should I refer to MARAC, mum [name] is frightened; she is on 07700 900123';
    const replies = await fromAsker(undefined, { verb: 'sendChampionQuestion', question: edited });
    expect(texts(replies.filter((r) => r.conversationId === ASKER_CHAT))).toEqual([CHAMPION_MESSAGES.sent]);
    const posted = replies.filter((r) => r.conversationId === CHANNEL);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.method).toBe('POST');
    expect(posted[0]!.replyToId).toBeUndefined();
    const [card] = cardsIn(posted);
    expect(validateCard(card!)).toEqual([]);
    expect(cardText(card)).toContain('when should I refer to MARAC, mum [name] is frightened; she is on [phone]');
    expect(cardText(card)).toContain(fill(CHAMPION_MESSAGES.questionIntro, { date: '3 June 2025' }));
    expect(findNodes(card, (n) => n.type === 'Input.Text' && n.id === 'answer')).toHaveLength(1);
    const reply = submitData(card, 'championReply')!;
    questionId = String(reply.questionId);
    expect(questionId).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await bot.feedback.query(lastDays(1, clock), 'champion-question');
    expect(kept.map((r) => r.redactedQuestion)).toEqual(['when should I refer to MARAC, mum [name] is frightened; she is on [phone]']);
  });

  test('someone who is not a champion cannot reply, and the asker hears nothing', async () => {
    const replies = await inChannel(COLLEAGUE, { verb: 'championReply', questionId, answer: 'I think it is fine', addToList: 'true' });
    expect(texts(replies)).toEqual([CHAMPION_MESSAGES.notChampion]);
    expect(replies.filter((r) => r.conversationId === ASKER_CHAT)).toHaveLength(0);
  });

  test("a champion's reply reaches the asker's personal chat, and the channel card is marked answered", async () => {
    const answer = 'Use the DASH checklist first; at 14 ticks or more, or on professional judgement, refer to MARAC the same day.';
    const replies = await inChannel(CHAMPION, { verb: 'championReply', questionId, answer, addToList: 'true' });
    const toAsker = replies.filter((r) => r.conversationId === ASKER_CHAT);
    expect(toAsker).toHaveLength(1);
    expect(toAsker[0]!.method).toBe('POST');
    const [delivered] = cardsIn(toAsker);
    expect(validateCard(delivered!)).toEqual([]);
    const shown = cardText(delivered);
    expect(shown).toContain(answer);
    expect(shown).toContain('Safeguarding lead, 3 June 2025');
    expect(shown).toContain(CHAMPION_MESSAGES.notPolicy);
    expect(shown).not.toContain('Champion');
    const updated = replies.find((r) => r.method === 'PUT' && r.conversationId === CHANNEL);
    expect(cardText(cardsIn([updated!])[0])).toContain(fill(CHAMPION_MESSAGES.answered, { role: 'Safeguarding lead', date: '3 June 2025' }));
    expect(findNodes(cardsIn([updated!])[0], (n) => n.type === 'Input.Text')).toHaveLength(0);
    expect(texts(replies.filter((r) => r.conversationId.startsWith(CHANNEL) && r.method === 'POST'))).toEqual([CHAMPION_MESSAGES.repliedAdded]);
  });

  test('once answered, the question is gone: a second reply is refused', async () => {
    const replies = await inChannel(CHAMPION, { verb: 'championReply', questionId, answer: 'another answer' });
    expect(texts(replies)).toEqual([CHAMPION_MESSAGES.gone]);
    expect(replies.filter((r) => r.conversationId === ASKER_CHAT)).toHaveLength(0);
  });

  test('a later, similar question shows the champion answer apart from the policy, as not policy', async () => {
    const replies = await sendToBot(bot, connector, personalMessage(connector.serviceUrl, 'when do I refer to MARAC? mum is frightened', { from: COLLEAGUE }));
    const [card] = cardsIn(replies);
    expect(validateCard(card!)).toEqual([]);
    const block = findNodes(card, (n) => n.type === 'Container' && cardText(n).includes('not policy'))[0]!;
    expect(cardText(block)).toContain('Champion answer (Safeguarding lead, 3 June 2025) — not policy');
    expect(cardText(block)).toContain('refer to MARAC the same day');
    expect(cardText(block)).toContain(CHAMPION_MESSAGES.notPolicy);
    // An unrelated question shows no champion answer.
    const [other] = cardsIn(await fromAsker('can the refuge take a teenage son over 16'));
    expect(cardText(other)).not.toContain('not policy');
  });

  test('a champion question is asked only from a personal chat', async () => {
    const replies = await inChannel(USER, { verb: 'sendChampionQuestion', question: 'who chairs the MARAC meeting' });
    expect(texts(replies)).toEqual([CHAMPION_MESSAGES.useOwnChat]);
    expect(replies.filter((r) => r.conversationId === CHANNEL && r.method === 'POST' && r.replyToId === undefined)).toHaveLength(0);
  });
});

test('no question, answer or name reaches the log', () => {
  const all = lines.join('\n');
  expect(all).toContain('champion-question');
  expect(all).toContain('champion-reply');
  expect(all).not.toMatch(/Priya|frightened|07700|DASH checklist|same day|MARAC|Safeguarding lead/);
});
