import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStorage, type Activity } from 'botbuilder';
import { TRIAGE_MESSAGES, TRIAGE_STATE_PROPERTY } from '../../bot/triage';
import { validateCard } from '../../cards/validate';
import { decideTriage, loadTriageKnowledge, readIndicators } from '../../knowledge/triage';
import {
  USER,
  cardText,
  cardsIn,
  findNodes,
  personalMessage,
  postActivity,
  startBot,
  startConnector,
  type CapturedReply,
  type ConnectorListener,
  type RunningBot,
} from '../bot/helpers';
import { inputValues, pressed, tick, untick } from './helpers';

/**
 * The triage dialog through the real HTTP endpoint: CloudAdapter, the handler, conversation
 * state in MemoryStorage, and the replies (POST) and in-place updates (PUT) captured by a
 * stand-in channel.
 */

const tk = loadTriageKnowledge();
const AUTHORITY = 'sutton';
/** A strangulation (scale 4) with an older child: unticking it changes the pathway. */
const SEVERE = 'Mum says her partner strangled her last night. Her son aged 10 was upstairs asleep.';
const MILD = 'Mum says her partner shouted at her during a row. The children are 10 and 12.';
const DISCLAIMER = 'Discuss with your manager and follow local procedures; this is guidance, not a decision.';

const memory: Record<string, unknown> = {};
/** Everything the bot logs, to check that nothing typed or submitted reaches the log. */
const logged: string[] = [];
let bot: RunningBot;
let connector: ConnectorListener;

beforeAll(async () => {
  connector = await startConnector();
  const capture = (event: string, fields?: Record<string, unknown>) => void logged.push(`${event} ${JSON.stringify(fields ?? {})}`);
  bot = await startBot({
    storage: new MemoryStorage(memory as never),

    setup: (b) => {
      b.services.log = { info: capture, warn: capture, error: capture };
    },
  });
});

afterAll(async () => {
  await bot.close();
  await connector.close();
});

beforeEach(() => connector.take());

let userCounter = 0;
/** Each test is its own practitioner in their own personal chat. */
function practitioner() {
  const n = ++userCounter;
  const from = { ...USER, id: `29:dialog-user-${n}` };
  const conversation = { id: `a:dialog-chat-${n}`, conversationType: 'personal', isGroup: false, name: '' };
  const send = async (text: string | undefined, value?: unknown, as = from): Promise<CapturedReply[]> => {
    const res = await postActivity(bot.url, personalMessage(connector.serviceUrl, text, { from: as, conversation, ...(value !== undefined ? { value } : {}) }));
    expect(res.status).toBe(200);
    return connector.take();
  };
  return { from, conversation, send, submit: (value: unknown, as = from) => send(undefined, value, as) };
}

const only = (replies: CapturedReply[]) => {
  const cards = cardsIn(replies);
  expect(cards).toHaveLength(1);
  expect(validateCard(cards[0]!)).toEqual([]);
  return cards[0]!;
};
const texts = (replies: CapturedReply[]) => replies.map((r) => r.activity.text ?? '').join('\n');
const dialogIdOf = (card: unknown) =>
  String(
    (findNodes(card, (n) => n.type === 'Action.Submit' && typeof (n.data as { dialogId?: unknown })?.dialogId === 'string')[0]!.data as { dialogId: string })
      .dialogId,
  );
const stored = () => JSON.stringify(memory);
/** Where the state Bot Framework keys as `rawKey` ("msteams/conversations/<id>/") is stored: under a hash of it. */
const storedKey = (rawKey: string) => bot.storedKey(rawKey);

/** triage → authority and danger → description: the confirmation card and the card's activity id. */
async function toConfirmation(p: ReturnType<typeof practitioner>, description: string, danger: 'No' | 'Yes, someone is in danger now' = 'No') {
  const start = await p.send('triage');
  expect(start).toHaveLength(1);
  expect(start[0]!.method).toBe('POST');
  const step1 = only(start);
  const afterStep1 = await p.submit(pressed(step1, danger, (i) => (i.authority = AUTHORITY)));
  const step2 = cardsIn(afterStep1).at(-1)!;
  const confirm = await p.submit(pressed(step2, 'Read my description', (i) => (i.description = description)));
  return { step1, afterStep1, step2, confirmReplies: confirm, confirmCard: only(confirm) };
}

test('the whole flow: authority and danger, description, confirmation pre-ticked, result; one card updated in place', async () => {
  const p = practitioner();
  const start = await p.send('triage');
  const step1 = only(start);
  expect(cardText(step1)).toContain('Is anyone in immediate danger right now?');
  expect(cardText(step1)).toMatch(/Do not enter names or any identifying details/);

  const afterStep1 = await p.submit(pressed(step1, 'No', (i) => (i.authority = AUTHORITY)));
  expect(afterStep1).toHaveLength(1);
  expect(afterStep1[0]!.method).toBe('PUT');
  const updatedId = afterStep1[0]!.replyToId;
  expect(updatedId).toMatch(/^reply-\d+$/);
  const step2 = only(afterStep1);
  expect(afterStep1[0]!.activity.id).toBe(updatedId);
  expect(cardText(step2)).toMatch(/no names/i);
  const [box] = findNodes(step2, (n) => n.id === 'description');
  expect(box!.isMultiline).toBe(true);

  const confirmReplies = await p.submit(pressed(step2, 'Read my description', (i) => (i.description = SEVERE)));
  expect(confirmReplies.map((r) => [r.method, r.replyToId])).toEqual([['PUT', updatedId]]);
  const confirm = only(confirmReplies);
  const values = inputValues(confirm);
  const detected = readIndicators(tk, SEVERE).indicators.map((i) => i.id);
  expect(detected).toContain('strangulation');
  const ticked = Object.entries(values)
    .filter(([k]) => k.startsWith('ind_'))
    .flatMap(([, v]) => v.split(','));
  expect(ticked.sort()).toEqual([...detected].sort());
  expect(values['ind_incident-violence']).toContain('strangulation');
  // The facts read from the text are filled in; the ones it did not give are asked.
  expect(values.childAges).toBe('10');
  expect(cardText(confirm)).toMatch(/police notifications.*not in your description/i);
  // Nothing of the description is kept between turns, only indicator ids and facts.
  expect(stored()).not.toMatch(/strangled|upstairs|asleep/);
  expect(stored()).toContain('strangulation');

  const resultReplies = await p.submit(pressed(confirm, 'See the result'));
  expect(resultReplies.map((r) => [r.method, r.replyToId])).toEqual([['PUT', updatedId]]);
  const result = only(resultReplies);
  const text = cardText(result);
  const expected = decideTriage(tk, {
    authority: AUTHORITY,
    indicatorIds: detected,
    facts: { childAges: [10], unborn: false, immediateDanger: false, specialNeeds: false },
  });
  expect(expected.pathway).toBe('child-protection');
  expect(text).toContain('Child protection: s47 enquiry and strategy meeting');
  expect(text).toMatch(/Barnardo's matrix: scale 4 of 4/);
  expect(text).toContain(DISCLAIMER);
  expect(text).toContain('Strangulation');
  for (const r of expected.referrals) expect(text).toContain(r.label);
  expect(text).toContain('Referrals');
  for (const c of expected.contacts.filter((x) => x.phone)) {
    const call = findNodes(result, (n) => n.type === 'Action.OpenUrl' && String(n.url).startsWith('tel:'));
    expect(call.length).toBeGreaterThan(0);
    expect(text).toContain(c.phone);
  }
  expect(findNodes(result, (n) => n.type === 'Action.OpenUrl' && String(n.url).startsWith('mailto:')).length).toBeGreaterThan(0);
  expect(text).toContain('Next steps');
  expect(text).toMatch(/☐ \*\*[^*]+:\*\* /);
  const library = findNodes(result, (n) => n.type === 'TextBlock' && /^\[\d+\] /.test(String(n.text)));
  expect(library.length).toBeGreaterThan(0);
  for (const l of library) expect(String(l.text)).toMatch(/\[open\]\(https:\/\/policy\.example\.org\/tab\/library#.+\)/);
  expect(findNodes(result, (n) => n.type === 'Action.ShowCard' && n.title === 'Ask a question about this')).toHaveLength(1);
  expect(findNodes(result, (n) => n.type === 'Action.Submit' && n.title === 'Start again')).toHaveLength(1);

  // After the result: no description, and no indicators or facts either.
  const state = String(memory[storedKey(`msteams/conversations/${p.conversation.id}/`)]);
  expect(state).toContain(TRIAGE_STATE_PROPERTY);
  expect(state).not.toMatch(/strangled|upstairs|asleep|strangulation|childAges/);
  // The authority was remembered.
  expect(String(memory[storedKey(`msteams/users/${p.from.id}/`)])).toContain(AUTHORITY);
  // The log has steps and ids, never the description, the indicators or the answers.
  expect(logged.some((l) => l.startsWith('triage '))).toBe(true);
  expect(logged.join('\n')).not.toMatch(/strangl|upstairs|asleep|sutton|childAges|"10"/i);
});

test('immediate danger: the 999 card comes first, then the dialog carries on, and the result is an emergency', async () => {
  const p = practitioner();
  const step1 = only(await p.send('triage'));
  const replies = await p.submit(pressed(step1, 'Yes, someone is in danger now', (i) => (i.authority = 'stoke-on-trent')));
  expect(replies.map((r) => r.method)).toEqual(['POST', 'PUT']);
  const [danger, step2] = cardsIn(replies);
  expect(validateCard(danger!)).toEqual([]);
  expect(cardText(danger)).toContain('Call the police on 999 now');
  const urls = findNodes(danger, (n) => n.type === 'Action.OpenUrl').map((n) => String(n.url));
  expect(urls[0]).toBe('tel:999');
  // Stoke-on-Trent's out-of-hours Emergency Duty Team, tap to call, with its source.
  expect(cardText(danger)).toContain('01782 234234');
  expect(urls).toContain('tel:+441782234234');
  expect(urls.some((u) => u.includes('/tab/library#'))).toBe(true);
  expect(cardText(step2)).toMatch(/call 999 first/);

  const confirm = only(
    await p.submit(pressed(step2!, 'Read my description', (i) => (i.description = 'Mum rang: her partner hit her. The children are 4 and 8.'))),
  );
  expect(inputValues(confirm)['ind_incident-violence']).toContain('immediate-danger');
  const result = only(await p.submit(pressed(confirm, 'See the result')));
  expect(cardText(result)).toContain('Emergency: call 999 now');
  expect(findNodes(result, (n) => n.type === 'Action.OpenUrl' && n.url === 'tel:999')).toHaveLength(1);
});

test('editing indicators changes the result: untick a severe one, tick another', async () => {
  const p = practitioner();
  const { confirmCard } = await toConfirmation(p, SEVERE);
  const unticked = only(
    await p.submit(pressed(confirmCard, 'See the result', (i) => (i['ind_incident-violence'] = untick(i['ind_incident-violence'], 'strangulation')))),
  );
  const text = cardText(unticked);
  expect(text).not.toContain('Child protection');
  expect(text).not.toContain('Strangulation');
  const expected = decideTriage(tk, {
    authority: AUTHORITY,
    indicatorIds: readIndicators(tk, SEVERE)
      .indicators.map((i) => i.id)
      .filter((id) => id !== 'strangulation'),
    facts: { childAges: [10], unborn: false, immediateDanger: false, specialNeeds: false },
  });
  expect(text).toContain(`scale ${expected.level} of 4`);

  const q = practitioner();
  const mild = (await toConfirmation(q, MILD)).confirmCard;
  const plain = cardText(only(await q.submit(pressed(mild, 'See the result'))));
  expect(plain).toContain('Early help');
  const again = (await toConfirmation(q, MILD)).confirmCard;
  const ticked = cardText(
    only(await q.submit(pressed(again, 'See the result', (i) => (i['ind_incident-violence'] = tick(i['ind_incident-violence'], 'threats-to-kill'))))),
  );
  expect(ticked).toContain('Child protection');
  expect(ticked).toContain('Threats to kill');
});

test('facts on the confirmation card count: a DASH score of 14 or more brings MARAC', async () => {
  const p = practitioner();
  const { confirmCard } = await toConfirmation(p, MILD);
  const without = cardText(only(await p.submit(pressed(confirmCard, 'See the result'))));
  expect(without).not.toContain('MARAC (Multi-Agency');
  const again = (await toConfirmation(p, MILD)).confirmCard;
  const withScore = cardText(
    only(
      await p.submit(
        pressed(again, 'See the result', (i) => {
          i.dashDone = 'yes';
          i.dashScore = '16';
        }),
      ),
    ),
  );
  expect(withScore).toContain('MARAC (Multi-Agency');
});

test('"Start again" returns to step 1 on the same card; the old dialog id is then stale', async () => {
  const p = practitioner();
  const { confirmCard, confirmReplies } = await toConfirmation(p, SEVERE);
  const cardId = confirmReplies[0]!.replyToId;
  const result = only(await p.submit(pressed(confirmCard, 'See the result')));
  const oldId = dialogIdOf(result);

  const restarted = await p.submit(pressed(result, 'Start again'));
  expect(restarted.map((r) => [r.method, r.replyToId])).toEqual([['PUT', cardId]]);
  const step1 = only(restarted);
  expect(cardText(step1)).toContain('Is anyone in immediate danger right now?');
  // The remembered authority is pre-selected.
  expect(inputValues(step1).authority).toBe(AUTHORITY);
  expect(dialogIdOf(step1)).not.toBe(oldId);

  // The result card's buttons belong to the finished dialog now.
  expect(texts(await p.submit(pressed(result, 'Start again')))).toBe(TRIAGE_MESSAGES.stale);
  // Start again works from the middle of a dialog too.
  const step2 = only(await p.submit(pressed(step1, 'No')));
  expect(cardText(only(await p.submit(pressed(step2, 'Start again'))))).toContain('Is anyone in immediate danger right now?');
});

test('"Ask a question about this" answers a suggested question, or the user\'s own', async () => {
  const p = practitioner();
  const { confirmCard } = await toConfirmation(p, SEVERE);
  const result = only(await p.submit(pressed(confirmCard, 'See the result')));
  const suggestions = findNodes(
    result,
    (n) => n.type === 'Action.Submit' && (n.data as { verb?: string }).verb === 'triage.ask' && Boolean((n.data as { suggested?: string }).suggested),
  );
  expect(suggestions.length).toBeGreaterThan(0);
  const answer = await p.submit(pressed(result, String(suggestions[0]!.title)));
  expect(answer).toHaveLength(1);
  expect(answer[0]!.method).toBe('POST');
  expect(validateCard(cardsIn(answer)[0]!)).toEqual([]);
  const own = cardsIn(await p.submit(pressed(result, 'Ask', (i) => (i.question = 'When should I refer to MARAC?'))))[0];
  expect(cardText(own)).toMatch(/MARAC/);
  expect(texts(await p.submit(pressed(result, 'Ask')))).toBe(TRIAGE_MESSAGES.askEmpty);
});

test('"I\'m worried about…" starts the dialog without putting the typed words on any card', async () => {
  const p = practitioner();
  const words = "I'm worried about a family where the stepdad threw a mug at mum; the toddler saw it";
  const step1 = only(await p.send(words));
  expect(cardText(step1)).toContain('Is anyone in immediate danger right now?');
  const step2 = only(await p.submit(pressed(step1, 'No', (i) => (i.authority = AUTHORITY))));
  // Neither the start card (shown, or sent back by its buttons) nor the description box repeats them.
  for (const card of [step1, step2]) {
    expect(JSON.stringify(card)).not.toMatch(/stepdad|threw a mug|toddler/);
  }
  expect(inputValues(step2).description ?? '').toBe('');
  expect(stored()).not.toMatch(/stepdad|threw a mug|toddler/);
});

test("the welcome card's triage button starts the dialog", async () => {
  const p = practitioner();
  const welcome = cardsIn(
    await (async () => {
      const res = await postActivity(bot.url, {
        ...personalMessage(connector.serviceUrl, undefined, { from: p.from, conversation: p.conversation }),
        type: 'conversationUpdate',
        membersAdded: [{ id: 'x', name: '' }, p.from],
      });
      expect(res.status).toBe(200);
      return connector.take();
    })(),
  )[0];
  const step1 = only(await p.submit(pressed(welcome, 'Start triage')));
  expect(cardText(step1)).toContain('Is anyone in immediate danger right now?');
});

describe('bad submissions get a clear message and never break the dialog', () => {
  test('missing fields, wrong types, an old dialog id and another user, then the dialog still works', async () => {
    const p = practitioner();
    const step1 = only(await p.send('triage'));
    const id = dialogIdOf(step1);
    const expectMessage = async (value: unknown, message: RegExp | string, as?: typeof p.from) => {
      const replies = await p.submit(value, as);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.method).toBe('POST');
      expect(cardsIn(replies)).toEqual([]);
      if (typeof message === 'string') expect(replies[0]!.activity.text).toBe(message);
      else expect(replies[0]!.activity.text).toMatch(message);
    };

    await expectMessage({ verb: 'triage.start', dialogId: id, authority: AUTHORITY }, /immediate danger/);
    await expectMessage({ verb: 'triage.start', dialogId: id, danger: 'no' }, /choose your authority/);
    await expectMessage({ verb: 'triage.start', dialogId: id, danger: 'no', authority: 'atlantis' }, /choose your authority/);
    await expectMessage({ verb: 'triage.start', dialogId: id, danger: true, authority: AUTHORITY }, /immediate danger/);
    await expectMessage({ verb: 'triage.start', authority: AUTHORITY, danger: 'no' }, /missing its triage reference/);
    await expectMessage({ verb: 'triage.start', dialogId: 42, authority: AUTHORITY, danger: 'no' }, /missing its triage reference/);
    await expectMessage({ verb: 'triage.start', dialogId: 'AAAAAAAAAAAAAAAA', authority: AUTHORITY, danger: 'no' }, TRIAGE_MESSAGES.stale);
    const stranger = { ...USER, id: '29:someone-else' };
    await expectMessage({ verb: 'triage.start', dialogId: id, authority: AUTHORITY, danger: 'no' }, TRIAGE_MESSAGES.notYours, stranger);
    // A later step's card before its time.
    await expectMessage({ verb: 'triage.describe', dialogId: id, description: 'x' }, TRIAGE_MESSAGES.wrongStep);

    const step2 = only(await p.submit(pressed(step1, 'No', (i) => (i.authority = AUTHORITY))));
    await expectMessage({ verb: 'triage.describe', dialogId: id }, /please describe the concern/);
    await expectMessage({ verb: 'triage.describe', dialogId: id, description: '   ' }, /please describe the concern/);
    await expectMessage({ verb: 'triage.describe', dialogId: id, description: { text: 'hit' } }, /please describe the concern/);
    await expectMessage({ verb: 'triage.describe', dialogId: id, description: 'x'.repeat(5000) }, /too long/);
    // The step before is done.
    await expectMessage(
      pressed(step1, 'No', (i) => (i.authority = AUTHORITY)),
      TRIAGE_MESSAGES.wrongStep,
    );

    const confirm = only(await p.submit(pressed(step2, 'Read my description', (i) => (i.description = SEVERE))));
    const base = pressed(confirm, 'See the result');
    await expectMessage({ ...base, dashScore: 'lots' }, /DASH score must be a number/);
    await expectMessage({ ...base, dashScore: '40' }, /DASH score must be 27 or less/);
    await expectMessage({ ...base, policeNotifications: '2.5' }, /whole number/);
    await expectMessage({ ...base, 'ind_incident-violence': 42 }, /ticked indicators must be a list/);
    await expectMessage({ ...base, 'ind_incident-violence': 'strangulation,launch-rockets' }, /indicator I do not know/);
    await expectMessage({ ...base, childAges: 'ten and twelve' }, /ages as numbers/);
    await expectMessage({ ...base, 'check_works-with-children': 'perhaps' }, /one of the choices/);
    await expectMessage(base, TRIAGE_MESSAGES.notYours, stranger);
    await expectMessage({ ...base, dialogId: 'AAAAAAAAAAAAAAAA' }, TRIAGE_MESSAGES.stale);
    await expectMessage({ verb: 'triage.restart' }, /missing its triage reference/);
    await expectMessage({ verb: 'triage.ask', question: 7 }, /question must be text/);

    // After all that, the same card still gives the result, on the same dialog card.
    const result = await p.submit(base);
    expect(result[0]!.method).toBe('PUT');
    expect(cardText(only(result))).toContain(DISCLAIMER);
    // And ordinary questions are still answered.
    expect(cardsIn(await p.send('When should I refer to MARAC?'))).toHaveLength(1);
  });

  test('"cancel" stops a triage in progress: its cards are then out of date, and nothing is kept', async () => {
    const p = practitioner();
    expect(texts(await p.send('cancel'))).toBe(TRIAGE_MESSAGES.nothingToCancel);
    const { step2 } = await toConfirmation(p, 'Dad pushed mum; the children are 4 and 9.');
    expect(texts(await p.send('cancel'))).toBe(TRIAGE_MESSAGES.cancelled);
    expect(String(memory[storedKey(`msteams/conversations/${p.conversation.id}/`)])).not.toContain(TRIAGE_STATE_PROPERTY);
    expect(texts(await p.submit(pressed(step2, 'Read my description', (i) => (i.description = 'Dad pushed mum.'))))).toBe(TRIAGE_MESSAGES.stale);
    expect(cardText(only(await p.send('triage')))).toContain('Is anyone in immediate danger right now?');
  });

  test('a triage left unfinished for a day is forgotten: its card says so and its indicators are not kept', async () => {
    const p = practitioner();
    const { confirmCard } = await toConfirmation(p, 'Dad pushed mum; the children are 4 and 9.');
    const key = storedKey(`msteams/conversations/${p.conversation.id}/`);
    const state = JSON.parse(String(memory[key])) as Record<string, Record<string, unknown>>;
    expect(state[TRIAGE_STATE_PROPERTY]!.indicatorIds).toBeDefined();
    memory[key] = JSON.stringify({ ...state, [TRIAGE_STATE_PROPERTY]: { ...state[TRIAGE_STATE_PROPERTY], touchedAt: Date.now() - 25 * 3600 * 1000 } });
    expect(texts(await p.submit(pressed(confirmCard, 'See the result')))).toBe(TRIAGE_MESSAGES.expired);
    expect(String(memory[key])).not.toContain('indicatorIds');
    expect(cardText(only(await p.send('triage')))).toContain('Is anyone in immediate danger right now?');
  });

  test('a conversation whose stored dialog is damaged treats every card as old', async () => {
    const p = practitioner();
    const step1 = only(await p.send('triage'));
    const key = storedKey(`msteams/conversations/${p.conversation.id}/`);
    const state = JSON.parse(String(memory[key])) as Record<string, unknown>;
    memory[key] = JSON.stringify({ ...state, [TRIAGE_STATE_PROPERTY]: { id: 5, step: 'nowhere' } });
    expect(texts(await p.submit(pressed(step1, 'No', (i) => (i.authority = AUTHORITY))))).toBe(TRIAGE_MESSAGES.stale);
    expect(cardText(only(await p.send('triage')))).toContain('Is anyone in immediate danger right now?');
  });
});

test('where a channel cannot update a card, each step is posted as a new card instead', async () => {
  // A channel that refuses PUT (as some do); replies are still captured.
  const captured: { method: string; activity: Partial<Activity> }[] = [];
  const channel = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Partial<Activity>;
      captured.push({ method: req.method ?? '', activity });
      if (req.method === 'PUT') {
        res.writeHead(405, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'BadArgument', message: 'Updating activities is not supported' } }));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: `posted-${captured.length}` }));
    });
  });
  await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}`;
  try {
    const from = { ...USER, id: '29:no-update-user' };
    const conversation = { id: 'a:no-update-chat', conversationType: 'personal', isGroup: false, name: '' };
    const send = async (text: string | undefined, value?: unknown) => {
      captured.length = 0;
      const res = await postActivity(bot.url, personalMessage(serviceUrl, text, { from, conversation, ...(value !== undefined ? { value } : {}) }));
      expect(res.status).toBe(200);
      return [...captured];
    };
    const first = await send('triage');
    const step1 = first[0]!.activity.attachments![0]!.content as Record<string, unknown>;
    const second = await send(
      undefined,
      pressed(step1, 'No', (i) => (i.authority = AUTHORITY)),
    );
    expect(second.map((c) => c.method)).toEqual(['PUT', 'POST']);
    const step2 = second[1]!.activity.attachments![0]!.content as Record<string, unknown>;
    expect(cardText(step2)).toContain('Describe the concern');
    const third = await send(
      undefined,
      pressed(step2, 'Read my description', (i) => (i.description = MILD)),
    );
    expect(third.map((c) => c.method)).toEqual(['PUT', 'POST']);
  } finally {
    await new Promise<void>((resolve) => channel.close(() => resolve()));
  }
});
