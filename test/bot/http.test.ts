import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { UNAUTHORISED } from '../../bot/activity-route';
import { validateCard } from '../../cards/validate';
import {
  BOT,
  USER,
  cardText,
  cardsIn,
  engine,
  findNodes,
  personalMessage,
  postActivity,
  startBot,
  startConnector,
  sendToBot,
  useBotAndConnector,
} from './helpers';

/** A question the policies answer, and an authority whose own document the answer then quotes. */
const QUESTION = 'do I need to do a safety plan with the victim and children?';

const h = useBotAndConnector();

const send = (activity: Partial<Activity>) => sendToBot(h.bot, h.connector, activity);

function submit(value: unknown, userId = USER.id) {
  return send(personalMessage(h.connector.serviceUrl, undefined, { value, from: { ...USER, id: userId } }));
}

function texts(replies: { activity: Partial<Activity> }[]): string {
  return replies.map((r) => r.activity.text ?? '').join('\n');
}

test('a question in a personal chat gets a cited answer card that validates', async () => {
  const replies = await send(personalMessage(h.connector.serviceUrl, QUESTION));
  expect(replies).toHaveLength(1);
  expect(replies[0]!.method).toBe('POST');
  expect(replies[0]!.conversationId).toBe('a:personal-conversation');
  const [card] = cardsIn(replies);
  expect(validateCard(card!)).toEqual([]);
  expect(cardText(card)).toMatch(/Source: .+ · .+ · issued /);
  expect(findNodes(card, (n) => n.type === 'RichTextBlock').length).toBeGreaterThan(0);
});

test('in a channel the @mention is stripped and the answer goes to the thread', async () => {
  const channelMessage = (text: string): Partial<Activity> => ({
    ...personalMessage(h.connector.serviceUrl, `<at>${BOT.name}</at> ${text}`),
    id: `channel-msg-${text.length}`,
    conversation: { id: '19:general@thread.tacv2;messageid=1700000000000', conversationType: 'channel', isGroup: true, name: '' },
    channelData: { teamsChannelId: '19:general@thread.tacv2', team: { id: '19:team@thread.tacv2' } },
    entities: [{ type: 'mention', mentioned: { id: BOT.id, name: BOT.name }, text: `<at>${BOT.name}</at>` }],
  });

  // "help" is a command only if the mention was removed first.
  const help = await send(channelMessage('help'));
  expect(cardText(cardsIn(help)[0])).toContain('What I can do');

  const message = channelMessage(QUESTION);
  const replies = await send(message);
  expect(replies).toHaveLength(1);
  expect(replies[0]!.conversationId).toBe('19:general@thread.tacv2;messageid=1700000000000');
  expect(replies[0]!.replyToId).toBe(message.id);
  const [card] = cardsIn(replies);
  expect(validateCard(card!)).toEqual([]);

  // Same answer as the same question without a mention.
  const personal = cardsIn(await send(personalMessage(h.connector.serviceUrl, QUESTION)))[0];
  expect(cardText(card)).toBe(cardText(personal));
});

test('welcome card on install, with the identifying-details reminder', async () => {
  const replies = await send({
    ...personalMessage(h.connector.serviceUrl, undefined),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id, name: BOT.name }],
  });
  const [card] = cardsIn(replies);
  expect(validateCard(card!)).toEqual([]);
  expect(cardText(card)).toMatch(/do not enter names or any identifying details/i);
  const verbs = findNodes(card, (n) => n.type === 'Action.Submit').map((n) => (n.data as { verb: string }).verb);
  expect(verbs).toEqual(expect.arrayContaining(['showSetAuthority', 'startTriage']));
});

test('no welcome when someone else joins a team channel', async () => {
  const replies = await send({
    ...personalMessage(h.connector.serviceUrl, undefined),
    type: 'conversationUpdate',
    conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true, name: '' },
    membersAdded: [{ id: '29:someone-else', name: 'Someone' }],
  });
  expect(replies).toEqual([]);
});

test('help lists the commands', async () => {
  const [card] = cardsIn(await send(personalMessage(h.connector.serviceUrl, 'help')));
  expect(validateCard(card!)).toEqual([]);
  const text = cardText(card);
  for (const usage of ['Any question', 'set authority', 'triage', 'glossary <term>', 'contacts']) expect(text).toContain(usage);
});

test('set authority: the card lists every authority, the choice is remembered and used', async () => {
  const e = engine();
  await e.whenReady();
  const general = (await e.answer(QUESTION, {})).results[0]!.citation;
  // An authority whose own document answers, different from the answer without one.
  const tops = await Promise.all(e.authorities.map(async (a) => ({ a, top: (await e.answer(QUESTION, { authority: a.id })).results[0]?.citation })));
  const chosen = tops.find(({ a, top }) => top && top.docId !== general.docId && top.authorities.includes(a.id))?.a;
  expect(chosen).toBeDefined();
  const userId = '29:user-sets-authority';

  const [card] = cardsIn(await send(personalMessage(h.connector.serviceUrl, 'set authority', { from: { ...USER, id: userId } })));
  expect(validateCard(card!)).toEqual([]);
  const [choices] = findNodes(card, (n) => n.type === 'Input.ChoiceSet');
  expect((choices!.choices as { value: string }[]).map((c) => c.value).sort()).toEqual(e.authorities.map((a) => a.id).sort());

  // Teams sends the card's inputs merged with the button's data.
  const saved = await submit({ verb: 'setAuthority', authority: chosen!.id }, userId);
  expect(texts(saved)).toContain(`Your authority is now **${chosen!.name}**`);

  const [answer] = cardsIn(await send(personalMessage(h.connector.serviceUrl, QUESTION, { from: { ...USER, id: userId } })));
  expect(cardText(answer)).toContain(` · ${chosen!.name}`);
  expect(validateCard(answer!)).toEqual([]);

  const [help] = cardsIn(await send(personalMessage(h.connector.serviceUrl, 'help', { from: { ...USER, id: userId } })));
  expect(cardText(help)).toContain(`Your authority: ${chosen!.name}`);
});

test('"set authority <name>" sets it directly, by name or alias', async () => {
  const a = engine().authorities.find((x) => x.aliases.length > 0)!;
  const replies = await send(personalMessage(h.connector.serviceUrl, `set authority ${a.aliases[0]}`, { from: { ...USER, id: '29:alias-user' } }));
  expect(texts(replies)).toContain(`Your authority is now **${a.name}**`);
});

describe('bad card submissions get a clear message and the bot keeps working', () => {
  test.each([
    ['missing authority', { verb: 'setAuthority' }, /choose an authority/],
    ['authority of the wrong type', { verb: 'setAuthority', authority: 42 }, /choose an authority/],
    ['unknown verb (an old card)', { verb: 'launchRocket' }, /older version/],
    ['no verb at all', { something: 'else' }, /older version/],
    ['not an object', 'just a string', /older version/],
    ['follow-up without its question', { verb: 'ask' }, /question is missing/],
  ])('%s', async (_name, value, message) => {
    const replies = await submit(value);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.activity.text).toMatch(message);
  });

  test('an authority that does not exist gets a message and the card again', async () => {
    const replies = await submit({ verb: 'setAuthority', authority: 'atlantis' });
    expect(texts(replies)).toMatch(/don't have policies for that authority/);
    expect(findNodes(cardsIn(replies)[0], (n) => n.type === 'Input.ChoiceSet')).toHaveLength(1);
  });

  test('after all that, questions are still answered', async () => {
    const [card] = cardsIn(await send(personalMessage(h.connector.serviceUrl, QUESTION)));
    expect(cardText(card)).toContain('Source:');
  });
});

test('a follow-up button asks its question', async () => {
  const [card] = cardsIn(await send(personalMessage(h.connector.serviceUrl, QUESTION)));
  const [followUp] = findNodes(card, (n) => n.type === 'Action.Submit' && (n.data as { verb?: string }).verb === 'ask');
  expect(followUp).toBeDefined();
  const [answer] = cardsIn(await submit(followUp!.data));
  expect(validateCard(answer!)).toEqual([]);
});

test('an off-topic question is declined with the helpline, never answered', async () => {
  const [card] = cardsIn(await send(personalMessage(h.connector.serviceUrl, 'what is the best recipe for banana bread?')));
  expect(validateCard(card!)).toEqual([]);
  expect(cardText(card)).toContain('0808 2000 247');
  expect(cardText(card)).not.toContain('Source:');
});

test('a decline offers the nearest passages; tapping one shows that passage, cited', async () => {
  const [card] = cardsIn(await send(personalMessage(h.connector.serviceUrl, 'is there a creche at the office')));
  expect(cardText(card)).toMatch(/nearest passages/i);
  const [nearest] = findNodes(card, (n) => n.type === 'Action.Submit' && (n.data as { verb?: string }).verb === 'showPassage');
  expect(nearest).toBeDefined();
  const [shown] = cardsIn(await submit(nearest!.data));
  expect(validateCard(shown!)).toEqual([]);
  expect(cardText(shown)).toContain('Source:');
  // A passage id that does not exist gets a message, not an error.
  expect(texts(await submit({ verb: 'showPassage', passageId: 'no-such-doc#999' }))).toMatch(/no longer in the library/);
});

test("a contact question shows the asker's authority's contact first, with a call button for a whole number", async () => {
  await submit({ verb: 'setAuthority', authority: 'camden' }, 'contact-user');
  const replies = await send(personalMessage(h.connector.serviceUrl, 'dad is a football coach, who do I call', { from: { ...USER, id: 'contact-user' } }));
  const [answer] = cardsIn(replies);
  expect(validateCard(answer!)).toEqual([]);
  expect(cardText(answer)).toMatch(/Camden contacts/);
  const calls = findNodes(answer, (n) => n.type === 'Action.OpenUrl' && String(n.url).startsWith('tel:'));
  expect(calls.map((c) => c.url)).toContain('tel:+442079746669');
});

test('an answer the engine is unsure of says so on the card', async () => {
  // Everyday words, none of the documents' own: answered from meaning, marked as possibly inexact.
  const replies = await send(personalMessage(h.connector.serviceUrl, 'dad is a football coach, who do I call'));
  const [card] = cardsIn(replies);
  expect(cardText(card)).toMatch(/may not answer your question exactly/);
});

test('triage, "I\'m worried about…" and the welcome card button start the triage dialog', async () => {
  const startCardText = (replies: Awaited<ReturnType<typeof send>>) => cardsIn(replies).map(cardText).join(' ');
  for (const text of ['triage', "I'm worried about a family I visited"]) {
    expect(startCardText(await send(personalMessage(h.connector.serviceUrl, text)))).toMatch(/immediate danger right now/i);
  }
  expect(startCardText(await submit({ verb: 'startTriage' }))).toMatch(/immediate danger right now/i);
});

test('glossary <term> explains a term', async () => {
  const term = engine().glossary('MARAC')[0]!;
  const replies = await send(personalMessage(h.connector.serviceUrl, 'glossary marac'));
  expect(texts(replies)).toContain(term.expansion);
});

test('seams: extra commands, card actions and invoke handlers plug in', async () => {
  const extra = await startBot({
    setup: (b) =>
      b
        .setTriageStarter(async ({ turn }, start) => {
          await turn.sendActivity(`triage started via ${start.via}`);
        })
        .registerInvoke('composeExtension/query', async () => ({ status: 200, body: { composeExtension: { type: 'result', attachments: [] } } }))
        .registerCommand({
          name: 'ping',
          match: (t) => t === 'ping',
          handle: async ({ turn }) => void (await turn.sendActivity('pong')),
          help: { usage: 'ping', description: 'Check the bot is there.' },
        })
        .registerAction({
          verb: 'triage.confirm',
          schema: z.object({ level: z.number({ error: 'the level must be a number' }) }),
          handle: async ({ turn }, data) => void (await turn.sendActivity(`level ${data.level + 1}`)),
        }),
  });
  try {
    await postActivity(extra.url, personalMessage(h.connector.serviceUrl, "I'm worried about a child"));
    expect(texts(h.connector.take())).toBe('triage started via worried');
    await postActivity(extra.url, personalMessage(h.connector.serviceUrl, 'ping'));
    expect(texts(h.connector.take())).toBe('pong');
    await postActivity(extra.url, personalMessage(h.connector.serviceUrl, 'help'));
    expect(cardText(cardsIn(h.connector.take())[0])).toContain('Check the bot is there.');
    await postActivity(extra.url, personalMessage(h.connector.serviceUrl, undefined, { value: { verb: 'triage.confirm', level: 2 } }));
    expect(texts(h.connector.take())).toBe('level 3');
    await postActivity(extra.url, personalMessage(h.connector.serviceUrl, undefined, { value: { verb: 'triage.confirm', level: 'high' } }));
    expect(texts(h.connector.take())).toMatch(/the level must be a number/);
    const invoke = await postActivity(extra.url, {
      ...personalMessage(h.connector.serviceUrl, undefined),
      type: 'invoke',
      name: 'composeExtension/query',
      value: { commandId: 'searchPolicy', parameters: [] },
    });
    expect(invoke.status).toBe(200);
    expect(JSON.parse(invoke.body)).toEqual({ composeExtension: { type: 'result', attachments: [] } });
  } finally {
    await extra.close();
  }
});

test('replies go through one connector client per service URL, made once and reused', async () => {
  const clients: unknown[] = [];
  const reusing = await startBot({
    setup: (b) =>
      b.registerCommand({
        name: 'which-client',
        match: (t) => t === 'which client',
        handle: async ({ turn }) => {
          clients.push(turn.turnState.get(turn.adapter.ConnectorClientKey));
          await turn.sendActivity('noted');
        },
      }),
  });
  const other = await startConnector();
  try {
    for (const serviceUrl of [h.connector.serviceUrl, h.connector.serviceUrl, other.serviceUrl, h.connector.serviceUrl])
      expect((await postActivity(reusing.url, personalMessage(serviceUrl, 'which client'))).status).toBe(200);
    expect(texts(h.connector.take())).toBe('noted\nnoted\nnoted');
    expect(texts(other.take())).toBe('noted');
    expect(clients[0]).toBeDefined();
    expect(clients[1]).toBe(clients[0]);
    expect(clients[2]).not.toBe(clients[0]);
    expect(clients[3]).toBe(clients[0]);
  } finally {
    await other.close();
    await reusing.close();
  }
});

test('with an app id configured, a request without a bearer token is refused with 401', async () => {
  const secured = await startBot({ env: { MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-a-real-secret' } });
  // CloudAdapter prints each refusal with console.error; expected here.
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const res = await postActivity(secured.url, personalMessage(h.connector.serviceUrl, QUESTION));
    expect(res.status).toBe(401);
    // One fixed body, naming nothing about what was wrong.
    expect(JSON.parse(res.body)).toEqual(UNAUTHORISED);
    const forged = await postActivity(secured.url, personalMessage(h.connector.serviceUrl, QUESTION), { Authorization: 'Bearer not.a.token' });
    expect(forged.status).toBe(401);
    expect(forged.body).toBe(res.body);
    expect(h.connector.take()).toEqual([]);
    // The local chat is off when an app id is set.
    expect((await fetch(`${secured.url}/`)).status).toBe(404);
  } finally {
    quiet.mockRestore();
    await secured.close();
  }
});

test('health route reports status without secrets', async () => {
  const res = await fetch(`${h.bot.url}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', auth: 'disabled', localChat: true });
});

test('the manifest default privacy and terms pages are served, with the no-identifying-details reminder', async () => {
  for (const page of ['privacy', 'terms']) {
    const res = await fetch(`${h.bot.url}/${page}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/guidance, never decisions|Guidance, not decisions/);
    expect(html).toMatch(/not (?:type|enter) names/);
  }
});
