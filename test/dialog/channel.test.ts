import { createServer as createHttpServer } from 'node:http';
import { MemoryStorage, type Activity } from 'botbuilder';
import { TRIAGE_MESSAGES } from '../../bot/triage';
import { validateCard } from '../../cards/validate';
import {
  BOT,
  USER,
  cardText,
  cardsIn,
  personalMessage,
  postActivity,
  startBot,
  sendToBot,
  startConnector,
  type CapturedReply,
  type ConnectorListener,
  type RunningBot,
} from '../bot/helpers';
import { pressed } from './helpers';

/**
 * A triage started in a channel or group chat, redirected to a personal chat: the thread gets a
 * neutral note and nothing about the concern; the dialog opens in a new 1:1 conversation.
 */

const TENANT = '72f988bf-0000-0000-0000-000000000000';
const THREAD = '19:general@thread.tacv2;messageid=1700000000001';
/** Words of a concern typed in a channel: they must never appear in any reply, card or stored state. */
const CONCERN = 'the Okafor twins at Elm Road';

const memory: Record<string, unknown> = {};
let bot: RunningBot;
let connector: ConnectorListener;

beforeAll(async () => {
  connector = await startConnector();
  bot = await startBot({ storage: new MemoryStorage(memory as never) });
});

afterAll(async () => {
  await bot.close();
  await connector.close();
});

beforeEach(() => {
  connector.take();
  connector.created.length = 0;
});

let n = 0;
function shared(text: string | undefined, kind: 'channel' | 'groupChat', extra: Partial<Activity> = {}): Partial<Activity> {
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...personalMessage(connector.serviceUrl, text === undefined ? undefined : `${mention} ${text}`),
    id: `shared-msg-${++n}`,
    conversation:
      kind === 'channel'
        ? { id: THREAD, conversationType: 'channel', isGroup: true, name: '', tenantId: TENANT }
        : { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true, name: '', tenantId: TENANT },
    channelData:
      kind === 'channel'
        ? { teamsChannelId: '19:general@thread.tacv2', team: { id: '19:team@thread.tacv2' }, tenant: { id: TENANT } }
        : { tenant: { id: TENANT } },
    ...(text === undefined ? {} : { entities: [{ type: 'mention', mentioned: { id: BOT.id, name: BOT.name }, text: mention }] }),
    ...extra,
  };
}

const send = (activity: Partial<Activity>) => sendToBot(bot, connector, activity);

/** The thread reply and the 1:1 chat's first card, after checking both. */
function splitRedirect(replies: CapturedReply[], message: Partial<Activity>) {
  expect(connector.created).toHaveLength(1);
  const created = connector.created[0]!;
  // A 1:1 with this user (id and AAD object id), in this tenant, from the bot.
  expect(created).toMatchObject({
    isGroup: false,
    bot: { id: BOT.id },
    members: [{ id: USER.id, aadObjectId: USER.aadObjectId }],
    tenantId: TENANT,
    channelData: { tenant: { id: TENANT } },
  });
  const inThread = replies.filter((r) => r.conversationId === message.conversation!.id);
  const inPersonal = replies.filter((r) => r.conversationId === 'created-1');
  expect(inThread.length + inPersonal.length).toBe(replies.length);
  return { inThread, inPersonal };
}

test.each([
  ['channel', 'triage'],
  ['channel', `I'm worried about ${CONCERN}: dad hit mum last night`],
  ['groupChat', 'triage'],
  ['groupChat', `I'm worried about ${CONCERN}`],
] as const)('%s: "%s" gets a neutral note in the thread and the dialog in a personal chat', async (kind, text) => {
  const message = shared(text, kind);
  const replies = await send(message);
  const { inThread, inPersonal } = splitRedirect(replies, message);

  // The thread: one short, neutral note, as a reply to the message; no card, no details.
  expect(inThread).toHaveLength(1);
  expect(inThread[0]!.method).toBe('POST');
  expect(inThread[0]!.replyToId).toBe(message.id);
  expect(inThread[0]!.activity.text).toBe(TRIAGE_MESSAGES.redirected);
  expect(inThread[0]!.activity.attachments ?? []).toEqual([]);

  // The personal chat: the first triage card, sent to the conversation (not as a reply).
  expect(inPersonal).toHaveLength(1);
  expect(inPersonal[0]!.replyToId).toBeUndefined();
  const [card] = cardsIn(inPersonal);
  expect(validateCard(card!)).toEqual([]);
  expect(cardText(card)).toContain('Is anyone in immediate danger right now?');

  // What was typed in the channel is echoed nowhere: not in any reply, not carried, not stored.
  expect(JSON.stringify(replies)).not.toContain('Okafor');
  expect(JSON.stringify(replies)).not.toContain('dad hit mum');
  expect(JSON.stringify(memory)).not.toContain('Okafor');
  // No dialog is kept for the shared conversation.
  expect([bot.storedKey(`msteams/conversations/${message.conversation!.id}/`)].filter((k) => k in memory).map((k) => String(memory[k]))).not.toEqual(
    expect.arrayContaining([expect.stringContaining('triageDialog')]),
  );
});

test('the dialog then carries on in the personal chat, updating its card there', async () => {
  const message = shared('triage', 'channel');
  const replies = await send(message);
  const { inPersonal } = splitRedirect(replies, message);
  const step1 = cardsIn(inPersonal)[0]!;

  // The user's answer arrives in the new 1:1 conversation.
  const personal = { id: 'created-1', conversationType: 'personal', isGroup: false, name: '' };
  const res = await postActivity(
    bot.url,
    personalMessage(connector.serviceUrl, undefined, { conversation: personal, value: pressed(step1, 'No', (i) => (i.authority = 'lambeth')) }),
  );
  expect(res.status).toBe(200);
  const next = connector.take();
  expect(next).toHaveLength(1);
  expect(next[0]!.method).toBe('PUT');
  expect(next[0]!.conversationId).toBe('created-1');
  expect(cardText(cardsIn(next)[0])).toContain('Describe the concern');
});

test("the welcome card's triage button pressed in a channel also moves to a personal chat", async () => {
  const message = shared(undefined, 'channel', { value: { verb: 'startTriage' } });
  const replies = await send(message);
  const { inThread, inPersonal } = splitRedirect(replies, message);
  expect(inThread.map((r) => r.activity.text)).toEqual([TRIAGE_MESSAGES.redirected]);
  expect(cardsIn(inPersonal)).toHaveLength(1);
});

test('when the personal chat cannot be opened, the thread is told so, still without details', async () => {
  // A channel that refuses to create the conversation (as Teams does when the app is not installed for the user).
  const captured: { url: string; body: string }[] = [];
  const refusing = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      captured.push({ url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      const refuse = req.method === 'POST' && /^\/v3\/conversations\/?$/.test(req.url ?? '');
      res.writeHead(refuse ? 403 : 200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(refuse ? { error: { code: 'Forbidden', message: 'Bot is not installed in user personal scope' } } : { id: 'r-1' }));
    });
  });
  await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
  try {
    const port = (refusing.address() as { port: number }).port;
    const res = await postActivity(bot.url, shared(`I'm worried about ${CONCERN}`, 'channel', { serviceUrl: `http://127.0.0.1:${port}` }));
    expect(res.status).toBe(200);
    const sent = captured.filter((c) => c.url.includes('/activities'));
    expect(sent).toHaveLength(1);
    expect((JSON.parse(sent[0]!.body) as Partial<Activity>).text).toBe(TRIAGE_MESSAGES.redirectFailed);
    expect(captured.map((c) => c.body).join(' ')).not.toContain('Okafor');
  } finally {
    await new Promise<void>((resolve) => refusing.close(() => resolve()));
  }
});
