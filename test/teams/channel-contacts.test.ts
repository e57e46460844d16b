import type { Activity } from 'botbuilder';
import { contactLinks, phoneNumbers, telUrl } from '../../cards/contact-view';
import { validateCard } from '../../cards/validate';
import { loadTriageKnowledge } from '../../knowledge/triage';
import { BOT, USER, cardText, cardsIn, engine, findNodes, personalMessage, sendToBot, useBotAndConnector } from '../bot/helpers';

const QUESTION = 'do I need to do a safety plan with the victim and children?';

const h = useBotAndConnector();
let counter = 0;

const send = (activity: Partial<Activity>) => sendToBot(h.bot, h.connector, activity);

const texts = (replies: { activity: Partial<Activity> }[]) => replies.map((r) => r.activity.text ?? '').join('\n');

function shared(kind: 'channel' | 'groupChat', text: string, mention: boolean, extra: Partial<Activity> = {}): Partial<Activity> {
  const id = `shared-msg-${++counter}`;
  const conversation =
    kind === 'channel'
      ? { id: `19:general@thread.tacv2;messageid=17000000000${counter}`, conversationType: 'channel', isGroup: true, name: '' }
      : { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true, name: '' };
  return {
    ...personalMessage(h.connector.serviceUrl, mention ? `<at>${BOT.name}</at> ${text}` : text),
    id,
    conversation,
    ...(kind === 'channel' ? { channelData: { teamsChannelId: '19:general@thread.tacv2', team: { id: '19:team@thread.tacv2' } } } : {}),
    entities: mention ? [{ type: 'mention', mentioned: { id: BOT.id, name: BOT.name }, text: `<at>${BOT.name}</at>` }] : [],
    ...extra,
  };
}

describe('channels and group chats', () => {
  test('a channel message that mentions the bot is answered in its thread', async () => {
    const message = shared('channel', QUESTION, true);
    const replies = await send(message);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.conversationId).toBe(message.conversation!.id);
    expect(replies[0]!.conversationId).toContain(';messageid=');
    expect(replies[0]!.replyToId).toBe(message.id);
    const [card] = cardsIn(replies);
    expect(validateCard(card!)).toEqual([]);
    expect(cardText(card)).toContain('Source:');
  });

  test('a channel message without a mention gets no reply', async () => {
    expect(await send(shared('channel', QUESTION, false))).toEqual([]);
    expect(await send(shared('channel', 'help', false))).toEqual([]);
  });

  test('a mention of someone else is not a mention of the bot', async () => {
    const other = shared('channel', `<at>Sam</at> ${QUESTION}`, false, {
      entities: [{ type: 'mention', mentioned: { id: '29:sam', name: 'Sam' }, text: '<at>Sam</at>' }],
    });
    expect(await send(other)).toEqual([]);
  });

  test('group chats: answered when mentioned, silent otherwise', async () => {
    expect(await send(shared('groupChat', QUESTION, false))).toEqual([]);
    const message = shared('groupChat', 'help', true);
    const replies = await send(message);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.replyToId).toBe(message.id);
    expect(cardText(cardsIn(replies)[0])).toContain('What I can do');
  });

  test('a card button pressed in a channel (no mention) still works', async () => {
    const replies = await send(shared('channel', '', false, { text: undefined, value: { verb: 'help' } }));
    expect(cardText(cardsIn(replies)[0])).toContain('What I can do');
  });
});

describe("managers' and champions' commands in a team channel and a group chat", () => {
  test.each([
    ['channel', 'compare out of hours', /out of hours/i],
    ['channel', 'compare LADO', /LADO/],
    ['groupChat', 'services for an older man whose son takes his pension', /older/i],
  ] as const)('%s: "%s" with a mention brings its card', async (kind, text, shows) => {
    const replies = await send(shared(kind, text, true));
    const cards = cardsIn(replies);
    expect(cards).toHaveLength(1);
    expect(validateCard(cards[0]!)).toEqual([]);
    expect(cardText(cards[0])).toMatch(shows);
  });
});

describe('contacts command', () => {
  const tk = loadTriageKnowledge();
  // An authority with phone numbers, from the data (nothing authority-specific here).
  const withPhones = engine().authorities.find((a) => tk.authorities[a.id]?.contacts.some((c) => c.phone))!;
  const other = engine().authorities.find((a) => a.id !== withPhones.id && tk.authorities[a.id]?.contacts.length)!;

  async function setAuthority(userId: string, authority: string) {
    await send(personalMessage(h.connector.serviceUrl, undefined, { from: { ...USER, id: userId }, value: { verb: 'setAuthority', authority } }));
  }

  test("shows the user's authority's contacts: tap-to-call, email, every contact cited", async () => {
    const userId = '29:contacts-user';
    await setAuthority(userId, withPhones.id);
    const replies = await send(personalMessage(h.connector.serviceUrl, 'contacts', { from: { ...USER, id: userId } }));
    const [card] = cardsIn(replies);
    expect(validateCard(card!)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(`Safeguarding contacts: ${withPhones.name}`);

    const urls = findNodes(card, (n) => n.type === 'Action.OpenUrl').map((n) => String(n.url));
    const tel = urls.filter((u) => u.startsWith('tel:'));
    expect(tel.length).toBeGreaterThan(0);
    for (const u of tel) expect(u).toMatch(/^tel:\+?\d{3,}$/);
    const contacts = tk.authorities[withPhones.id]!.contacts;
    if (contacts.some((c) => c.email)) expect(urls.some((u) => u.startsWith('mailto:'))).toBe(true);
    expect(urls).toContain(`https://policy.example.org/tab/contacts#authority-${withPhones.id}`);

    // One block per contact (plus the national ones), each with a "Source: …" line that links to the library.
    for (const c of contacts) {
      const [block] = findNodes(card, (n) => n.type === 'Container' && Array.isArray(n.items) && (n.items as { text?: string }[])[0]?.text === c.role);
      expect(block).toBeDefined();
      const sources = findNodes(block, (n) => n.type === 'TextBlock' && typeof n.text === 'string' && n.text.startsWith('Source: '));
      expect(sources.length).toBeGreaterThan(0);
      expect(String(sources[0]!.text)).toMatch(/\[Open in library\]\(https:\/\/policy\.example\.org\/tab\/library#.+\)/);
    }
  });

  test('"contacts <authority>" shows that authority', async () => {
    const [card] = cardsIn(await send(personalMessage(h.connector.serviceUrl, `contacts ${other.name}`)));
    expect(validateCard(card!)).toEqual([]);
    expect(cardText(card)).toContain(`Safeguarding contacts: ${other.name}`);
  });

  test('with no authority set, it asks for one with the set-authority card', async () => {
    const replies = await send(personalMessage(h.connector.serviceUrl, 'contacts', { from: { ...USER, id: '29:contacts-no-authority' } }));
    expect(texts(replies)).toMatch(/Set your authority first/);
    expect(findNodes(cardsIn(replies)[0], (n) => n.type === 'Input.ChoiceSet')).toHaveLength(1);
  });

  test('"contacts for <something else>" is a question, not the command', async () => {
    const [card] = cardsIn(await send(personalMessage(h.connector.serviceUrl, 'contacts for MARAC referrals')));
    expect(cardText(card)).not.toContain('Safeguarding contacts:');
  });

  test('help lists contacts once, with the new description', async () => {
    const [card] = cardsIn(await send(personalMessage(h.connector.serviceUrl, 'help')));
    const facts = findNodes(card, (n) => n.type === 'FactSet').flatMap((n) => n.facts as { title: string; value: string }[]);
    const rows = facts.filter((f) => f.title === 'contacts');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value).toMatch(/tap-to-call/);
  });
});

describe('phone and email links', () => {
  test('numbers as written become tel: links', () => {
    expect(phoneNumbers('020 7974 8832 / 020 7974 8791').map((p) => p.number)).toEqual(['020 7974 8832', '020 7974 8791']);
    expect(phoneNumbers('020 7428 9962 (helpline)')).toEqual([{ number: '020 7428 9962', note: 'helpline' }]);
    expect(phoneNumbers('Monday to Friday 08:30 to 17:00')).toEqual([]);
    expect(telUrl('020 7974 3317')).toBe('tel:+442079743317');
    expect(telUrl('999')).toBe('tel:999');
  });

  test('out of hours numbers and emails get buttons too', () => {
    const links = contactLinks({ role: 'Front door', phone: '0800 000 0000', outOfHours: 'edt@example.org (Out of Hours Service)', citations: [] });
    expect(links).toEqual([
      { title: 'Call 0800 000 0000', url: 'tel:+448000000000' },
      { title: 'Email out of hours: edt@example.org', url: 'mailto:edt@example.org' },
    ]);
  });
});
