import { createServer, request, type Server } from 'node:http';
import { CHAMPION_MESSAGES as C, FEEDBACK_MESSAGES as F } from '../bot/messages';
import type { Chat } from './screenshots';

const WAIT = { timeout: 60_000 };

/** The conversation id the bot is configured with for the champions' channel (CHAMPIONS_CONVERSATION_ID). */
export const CHAMPIONS_PLACEHOLDER = 'readme-champions';

/**
 * The champions' channel for the pictures: the bot's posts to CHAMPIONS_SERVICE_URL (this relay) are passed on to the
 * local chat's own connector routes, with the placeholder conversation id swapped for the local chat's real one. The
 * bot needs CHAMPIONS_CONVERSATION_ID when it starts, but a local chat conversation gets its (random) id only once the
 * page opens, so the relay stands between them. The bot's own authorization header is passed on unchanged.
 */
export interface ChampionsRelay {
  url: string;
  /** The local chat conversation that the champions' posts go to. */
  target?: string;
  close(): Promise<void>;
}

export async function startChampionsRelay(port: number, botPort: number): Promise<ChampionsRelay> {
  const relay: ChampionsRelay = { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
  const server: Server = createServer((req, res) => {
    const prefix = `/v3/conversations/${CHAMPIONS_PLACEHOLDER}`;
    const path = req.url ?? '';
    if (!relay.target || !path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    const onward = request(
      {
        host: '127.0.0.1',
        port: botPort,
        method: req.method,
        path: `/v3/conversations/${encodeURIComponent(relay.target)}${path.slice(prefix.length)}`,
        headers: { ...req.headers, host: `127.0.0.1:${botPort}` },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    onward.on('error', () => res.writeHead(502).end());
    req.pipe(onward);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return relay;
}

/** Say something and wait for the new answer card it brings (not an earlier one). */
async function newAnswer(chat: Chat, question: string) {
  const answers = chat.page.locator('.ac-adaptiveCard', { hasText: 'Source:' });
  const before = await answers.count();
  await chat.say(question);
  const answer = answers.nth(before);
  await answer.waitFor(WAIT);
  return answer;
}

/** Ratings for the report: Helpful on the pictured answer, Not helpful (with a reason and the question shared) on the next. */
export async function rateAnswers(chat: Chat): Promise<void> {
  const { page } = chat;
  await chat.card('Source:').getByRole('button', { name: 'Helpful', exact: true }).click();
  await page.getByText(F.thanks).first().waitFor(WAIT);
  const answer = await newAnswer(chat, 'is checking her phone every night coercive control?');
  await answer.getByRole('button', { name: 'Not helpful' }).click();
  await answer.getByRole('radio', { name: 'It looks out of date' }).check();
  await answer.getByRole('checkbox', { name: /Share my question with the domestic abuse champions/ }).check();
  await answer.getByRole('button', { name: 'Send feedback' }).click();
  await page
    .getByText(/Your question was shared with the domestic abuse champions/)
    .first()
    .waitFor(WAIT);
}

/** Ask a champion: the consent card, then the question card as it arrives in the champions' conversation. */
export async function championShots(chat: Chat): Promise<void> {
  const answer = await newAnswer(chat, 'who do I refer a high risk victim to?');
  await answer.getByRole('button', { name: C.askButton }).click();
  const consent = chat.card(C.consentHeading);
  await consent.getByRole('button', { name: C.consentSend }).waitFor(WAIT);
  await chat.shot('champion-consent', consent);
  await consent.getByRole('button', { name: C.consentSend }).click();
  const question = chat.card(C.questionHeading);
  await question.waitFor(WAIT);
  await chat.shot('champion-question', question);
}

/** `report`, from a local user whose object id is on CHAMPION_IDS. */
export async function reportShot(chat: Chat): Promise<void> {
  await chat.say('report');
  const report = chat.card('Feedback and gaps: the last 30 days');
  await report.waitFor(WAIT);
  await chat.shot('report', report);
}
