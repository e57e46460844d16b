import type { Activity } from 'botbuilder';
import { validateCard } from '../../cards/validate';
import { lastDays } from '../../bot/feedback/records';
import type { LogFields, Logger } from '../../bot/log';
import { fill, FEEDBACK_MESSAGES, MESSAGES } from '../../bot/messages';
import { USER, cardText, cardsIn, findNodes, personalMessage, sendToBot, useBotAndConnector } from '../bot/helpers';

/** A champion's Entra object id, and someone who is not one. */
const CHAMPION = { ...USER, id: '29:champion-teams-id', aadObjectId: '5d0c6a4e-2f1b-4c3d-9e8f-a1b2c3d4e5f6' };
const PRACTITIONER = USER;

const lines: string[] = [];
const record = (event: string, fields?: LogFields) => void lines.push(`${event} ${JSON.stringify(fields ?? {})}`);
const log: Logger = { info: record, warn: record, error: record };

let clock = new Date('2025-04-15T09:00:00.000Z');
const h = useBotAndConnector({ env: { CHAMPION_IDS: CHAMPION.aadObjectId.toUpperCase() }, log, now: () => clock });

const send = (text: string | undefined, value?: unknown, from: Activity['from'] = PRACTITIONER) =>
  sendToBot(h.bot, h.connector, personalMessage(h.connector.serviceUrl, text, { from, ...(value === undefined ? {} : { value }) }));
const texts = (replies: Awaited<ReturnType<typeof send>>) => replies.map((r) => r.activity.text);
const stored = () => h.bot.feedback.query(lastDays(3650, new Date(clock.getTime() + 1000)));

/** A question the engine answers, with a name in it. */
const ANSWERED = 'what is a DASH risk checklist, dad Winston';

async function answerCard(question = ANSWERED) {
  const [card] = cardsIn(await send(question));
  return card!;
}

function submitData(card: unknown, title: string): Record<string, unknown> {
  const action = findNodes(card, (n) => n.type === 'Action.Submit' && n.title === title)[0];
  return action!.data as Record<string, unknown>;
}

describe('rating an answer', () => {
  test('every answer card offers Helpful and Not helpful, with reasons and a share toggle showing the redacted question', async () => {
    const card = await answerCard();
    expect(validateCard(card)).toEqual([]);
    expect(submitData(card, 'Helpful')).toMatchObject({ verb: 'feedback', rating: 'helpful' });
    const notHelpful = findNodes(card, (n) => n.type === 'Action.ShowCard' && n.title === 'Not helpful')[0]!;
    const reasons = findNodes(notHelpful, (n) => n.type === 'Input.ChoiceSet')[0]!;
    expect((reasons.choices as unknown[]).length).toBeGreaterThanOrEqual(4);
    expect(findNodes(notHelpful, (n) => n.type === 'Input.Toggle' && n.id === 'share')).toHaveLength(1);
    expect(cardText(notHelpful)).toContain('dad [name]');
    expect(JSON.stringify(card)).not.toContain('Winston');
  });

  test('Helpful is kept with the passage, its topic, the authority and the time, and thanked', async () => {
    // An authority whose documents answer the question above.
    const authority = h.bot.bot.findAuthority('wandsworth')!;
    await send(undefined, { verb: 'setAuthority', authority: authority.id });
    const before = (await stored()).length;
    const data = submitData(await answerCard(), 'Helpful');
    expect(texts(await send(undefined, data))).toEqual([FEEDBACK_MESSAGES.thanks]);
    const [kept] = (await stored()).slice(before);
    expect(kept).toEqual({
      kind: 'feedback',
      time: clock.toISOString(),
      rating: 'helpful',
      passageId: data.passageId,
      topic: expect.stringContaining(' › '),
      authority: authority.id,
    });
  });

  test('Not helpful keeps the reason; the question only when shared, and then redacted', async () => {
    const data = submitData(await answerCard(), 'Send feedback');
    const before = (await stored()).length;
    expect(texts(await send(undefined, { ...data, reason: 'out-of-date', share: 'false' }))).toEqual([FEEDBACK_MESSAGES.thanksNotHelpful]);
    // A client that sends the question unredacted still has it redacted before it is kept.
    const raw = 'can my client Rosalind Achebe at 9 Foxglove Road ring 07700 900847 about it';
    expect(texts(await send(undefined, { ...data, reason: 'unclear', share: 'true', question: raw }))).toEqual([FEEDBACK_MESSAGES.thanksShared]);
    const [notShared, shared] = (await stored()).slice(before);
    expect(notShared).toMatchObject({ rating: 'not-helpful', reason: 'out-of-date' });
    expect(notShared).not.toHaveProperty('redactedQuestion');
    expect(shared!.redactedQuestion).toBe('can my client [name] at [address] ring [phone] about it');
  });

  test('Not helpful without a reason is sent back with a message, and nothing is kept', async () => {
    const data = submitData(await answerCard(), 'Send feedback');
    const before = (await stored()).length;
    expect(texts(await send(undefined, { ...data, share: 'false' }))).toEqual([fill(MESSAGES.badCard, { problems: 'please choose what was wrong' })]);
    expect(await stored()).toHaveLength(before);
  });
});

test('a declined question is noted as a gap under the nearest topic, never the question', async () => {
  const before = (await stored()).length;
  const [card] = cardsIn(await send('what is the best recipe for a treacle sponge pudding'));
  expect(findNodes(card, (n) => n.title === 'Helpful')).toHaveLength(0);
  const [gap] = (await stored()).slice(before);
  expect(gap).toMatchObject({ kind: 'gap', topic: expect.any(String) });
  expect(JSON.stringify(gap)).not.toMatch(/treacle|pudding|recipe/i);
});

describe('report', () => {
  test('is refused, politely, to someone who is not a champion', async () => {
    expect(texts(await send('report'))).toEqual([FEEDBACK_MESSAGES.notChampion]);
    expect(texts(await send('report 7 days'))).toEqual([FEEDBACK_MESSAGES.notChampion]);
  });

  test('"report" followed by words is a policy question, not the command', () => {
    expect(h.bot.bot.commandFor('report domestic abuse to the police')).toBeUndefined();
    expect(h.bot.bot.commandFor('Report 14')?.name).toBe('report');
  });

  test('shows a champion the most declined topics and least helpful passages, with a CSV link', async () => {
    const [card] = cardsIn(await send('report 30', undefined, CHAMPION));
    expect(validateCard(card!)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Feedback and gaps: the last 30 days');
    const kept = await stored();
    const gap = kept.find((r) => r.kind === 'gap')!;
    const rated = kept.find((r) => r.rating === 'not-helpful')!;
    expect(text).toContain(gap.topic!);
    expect(text).toContain(`${rated.topic}: 2 not helpful`);
    expect(text).toContain('can my client [name] at [address] ring [phone] about it');
    const link = String(findNodes(card, (n) => n.type === 'Action.OpenUrl')[0]!.url);
    expect(link.startsWith('https://policy.example.org/tab/feedback/report.csv?')).toBe(true);
    expect(link).not.toContain(CHAMPION.aadObjectId);
  });

  test('a number of days out of range gets the how-to', async () => {
    expect(texts(await send('report 0', undefined, CHAMPION))).toEqual([fill(FEEDBACK_MESSAGES.reportHowTo, { max: 365 })]);
  });
});

describe('the CSV download', () => {
  async function csvLink(): Promise<URL> {
    const [card] = cardsIn(await send('report 30', undefined, CHAMPION));
    const link = new URL(String(findNodes(card, (n) => n.type === 'Action.OpenUrl')[0]!.url));
    return new URL(`${h.bot.url}${link.pathname}${link.search}`);
  }

  test('gives the report as CSV: a row per declined topic, passage and shared question', async () => {
    const res = await fetch(await csvLink());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="feedback-report-30-days.csv"');
    const rows = (await res.text())
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows[0]).toBe('row,topic,passage_id,declined,helpful,not_helpful,main_reason,authorities,shared_question,time');
    expect(rows.filter((r) => r.startsWith('declined,'))).toHaveLength(1);
    expect(rows.find((r) => r.startsWith('not helpful,'))).toMatch(/,1,2,(out-of-date|unclear),,,$/);
    expect(rows.find((r) => r.startsWith('shared,'))).toContain('can my client [name] at [address] ring [phone] about it');
  });

  test('is refused when the link is altered, incomplete or expired', async () => {
    const link = await csvLink();
    const forged = new URL(link);
    forged.searchParams.set('days', '365');
    expect((await fetch(forged)).status).toBe(403);
    const incomplete = new URL(link);
    incomplete.searchParams.delete('sig');
    expect((await fetch(incomplete)).status).toBe(400);
    clock = new Date(clock.getTime() + 16 * 60 * 1000);
    try {
      const expired = await fetch(link);
      expect(expired.status).toBe(403);
      expect(await expired.text()).not.toContain('[name]');
    } finally {
      clock = new Date(clock.getTime() - 16 * 60 * 1000);
    }
  });
});

test('nothing typed reaches the log', () => {
  const all = lines.join('\n');
  expect(all).toContain('feedback-recorded');
  expect(all).not.toMatch(/Winston|Rosalind|Achebe|Foxglove|07700|treacle|DASH risk checklist/);
});
