import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { CHAMPION_MESSAGES } from '../../bot/messages';
import { FileStorage } from '../../bot/storage';
import {
  BOT,
  cardText,
  cardsIn,
  findNodes,
  personalMessage,
  sendToBot,
  startBot,
  startConnector,
  type ConnectorListener,
  type RunningBot,
} from '../bot/helpers';

/** A question waiting for a champion is kept in the state store: it outlives a restart, and not its expiry. */

const CHAMPION = { id: '29:champion-after-restart', name: 'Champion', aadObjectId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a' };
const CHANNEL = '19:champions-after-restart@thread.tacv2';
const ASKER_CHAT = 'a:personal-conversation';
const asked = new Date('2025-02-10T08:00:00.000Z');
const days = (n: number) => new Date(asked.getTime() + n * 24 * 60 * 60 * 1000);

const dirs: string[] = [];
let connector: ConnectorListener;
beforeAll(async () => {
  connector = await startConnector();
});
afterAll(async () => {
  await connector.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'champion-restart-'));
  dirs.push(dir);
  return dir;
}

/** A bot over the file backends in `dir`, with the clock at `now`. */
function botOver(dir: string, now: Date): Promise<RunningBot> {
  return startBot({
    storage: new FileStorage(join(dir, 'state')),
    now: () => now,
    env: {
      FEEDBACK_STORE: 'file',
      FEEDBACK_DIR: join(dir, 'feedback'),
      CHAMPION_IDS: CHAMPION.aadObjectId,
      CHAMPIONS_CONVERSATION_ID: CHANNEL,
      CHAMPIONS_SERVICE_URL: connector.serviceUrl,
      CHAMPION_QUESTION_DAYS: '7',
    },
  });
}

/** Ask a question with a name in it; returns the question id from the card posted in the channel. */
async function askAndRestart(dir: string): Promise<string> {
  const first = await botOver(dir, asked);
  try {
    const replies = await sendToBot(
      first,
      connector,
      personalMessage(connector.serviceUrl, undefined, { value: { verb: 'sendChampionQuestion', question: 'can son Kwame stay at the refuge with his mum' } }),
    );
    const [card] = cardsIn(replies.filter((r) => r.conversationId === CHANNEL));
    return String((findNodes(card, (n) => n.type === 'Action.Submit')[0]!.data as { questionId: string }).questionId);
  } finally {
    await first.close();
  }
}

const championReply = (bot: RunningBot, questionId: string) =>
  sendToBot(bot, connector, {
    ...personalMessage(connector.serviceUrl, undefined, {
      value: { verb: 'championReply', questionId, answer: 'Refuges set their own age limits for sons; ask the refuge directly.' },
    }),
    from: CHAMPION as Activity['from'],
    recipient: BOT,
    conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, name: 'Champions' },
  });

/** Every stored file's text, state and feedback. */
function storedText(dir: string): string {
  return ['state', 'feedback']
    .flatMap((sub) =>
      readdirSync(join(dir, sub))
        .filter((f) => /\.(json|jsonl)$/.test(f))
        .map((f) => readFileSync(join(dir, sub, f), 'utf8')),
    )
    .join('\n');
}

test('a pending question survives a restart with the file backend, and the answer still reaches the asker', async () => {
  const dir = tempDir();
  const questionId = await askAndRestart(dir);
  const kept = storedText(dir);
  expect(kept).toContain('can son [name] stay at the refuge with his mum');
  expect(kept).toContain(ASKER_CHAT);
  expect(kept).not.toMatch(/Kwame|29:user-1/);
  connector.take();

  const second = await botOver(dir, days(2));
  try {
    const replies = await championReply(second, questionId);
    expect(replies.filter((r) => r.activity.text).map((r) => r.activity.text)).toEqual([CHAMPION_MESSAGES.replied]);
    const [delivered] = cardsIn(replies.filter((r) => r.conversationId === ASKER_CHAT));
    expect(cardText(delivered)).toContain('Refuges set their own age limits');
  } finally {
    await second.close();
  }
  // Answered: the asker's chat reference is deleted.
  expect(storedText(dir)).not.toContain(ASKER_CHAT);
});

test('after CHAMPION_QUESTION_DAYS the question and the chat reference are deleted, and a late reply is refused', async () => {
  const dir = tempDir();
  const questionId = await askAndRestart(dir);
  connector.take();
  const late = await botOver(dir, days(8));
  try {
    const replies = await championReply(late, questionId);
    expect(replies.map((r) => r.activity.text)).toEqual([CHAMPION_MESSAGES.gone]);
  } finally {
    await late.close();
  }
  expect(storedText(dir)).not.toContain(ASKER_CHAT);
});
