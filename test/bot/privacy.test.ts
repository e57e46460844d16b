import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { TRIAGE_MESSAGES } from '../../bot/triage';
import { stateKeyFor } from '../../bot/state-keys';
import { FileStorage, createStorage } from '../../bot/storage';
import { pressed } from '../dialog/helpers';
import { TEST_STATE_SALT, USER, cardText, cardsIn, engine, personalMessage, sendToBot, useBotAndConnector } from './helpers';

/**
 * What the file store holds after a conversation: no Teams user id, AAD object id or
 * conversation id, in any file's name or contents, while the bot still remembers the user's
 * authority and still refuses someone else's submission to a triage card.
 */

const dir = mkdtempSync(join(tmpdir(), 'bot-privacy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const USER_ID = '29:1Qz7privacyUserId-xYw3';
const AAD_ID = '7d3e1c52-6b1f-4f0e-9a55-privacyaad01';
const CONVERSATION_ID = 'a:1Bk9privacyConversation-Lm2';
const STRANGER_ID = '29:1Rr4strangerUserId-Vb8';

const h = useBotAndConnector({ storage: createStorage({ kind: 'file', dir }) });
const from = { ...USER, id: USER_ID, aadObjectId: AAD_ID };
const conversation = { id: CONVERSATION_ID, conversationType: 'personal', isGroup: false, name: '' };
const send = (text: string | undefined, value?: unknown, as = from) =>
  sendToBot(h.bot, h.connector, personalMessage(h.connector.serviceUrl, text, { from: as, conversation, ...(value ? { value } : {}) } as Partial<Activity>));

/** Every file under the store's folder (quarantine and salt included): name and contents. */
function everything(): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(path, readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out.join('\n');
}

function expectNoIds(): void {
  const stored = everything();
  expect(stored.length).toBeGreaterThan(0);
  for (const id of [USER_ID, AAD_ID, CONVERSATION_ID, 'privacyUserId', 'privacyConversation', 'privacyaad']) expect(stored).not.toContain(id);
}

test('state written through a whole conversation holds no Teams ids, and still works', async () => {
  const authority = engine().authorities.find((a) => a.id === 'sutton') ?? engine().authorities[0]!;
  await send(undefined, { verb: 'setAuthority', authority: authority.id });
  expect(cardsIn(await send('how do I make a referral to children’s services'))).toHaveLength(1);

  const step1 = cardsIn(await send('triage')).at(-1)!;
  const step2 = cardsIn(
    await send(
      undefined,
      pressed(step1, 'No', (i) => (i.authority = authority.id)),
    ),
  ).at(-1)!;
  const confirm = cardsIn(
    await send(
      undefined,
      pressed(step2, 'Read my description', (i) => (i.description = 'Her partner threw a mug at her; the baby is 8 months.')),
    ),
  ).at(-1)!;
  // Mid-dialog: the dialog (with its owner) is on disk, under hashed names only.
  expect(everything()).toContain('triageDialog');
  expectNoIds();

  // The owner is still recognised: someone else's submission is refused, the owner's is taken.
  const stranger = { ...from, id: STRANGER_ID, aadObjectId: 'stranger-aad' };
  expect((await send(undefined, pressed(confirm, 'See the result'), stranger)).map((r) => r.activity.text)).toEqual([TRIAGE_MESSAGES.notYours]);
  const result = cardsIn(await send(undefined, pressed(confirm, 'See the result'))).at(-1)!;
  expect(cardText(result)).toMatch(/guidance, not a decision/);
  expectNoIds();

  // And the authority is remembered, read back through the hashed key.
  expect(cardText(cardsIn(await send('help'))[0])).toContain(`Your authority: ${authority.name}`);
});

test("a person's stored state is found from their Teams id and the salt (a subject access request)", () => {
  const file = new FileStorage(dir).fileFor(stateKeyFor(TEST_STATE_SALT, 'users', USER_ID));
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { item: { profile?: { authority?: string } } };
  expect(stored.item.profile?.authority).toBeDefined();
  expect(readFileSync(new FileStorage(dir).fileFor(stateKeyFor(TEST_STATE_SALT, 'conversations', CONVERSATION_ID)), 'utf8')).toContain('triageDialog');
});
