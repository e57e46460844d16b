import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { championConsentCard, championQuestionCard } from '../../cards/champion-cards';
import { redactQuestion } from '../feedback/redact';
import { CHAMPION_MESSAGES as WORDS, fill } from '../messages';
import { isSharedConversation } from '../teams/channel';
import { championsChannel, longDate, type ChampionDeps } from './deps';
import { chatReferenceOf, sendProactive } from './proactive';
import type { PendingQuestion } from './store';

/**
 * The asker's side of "Ask a champion": the button on an answer or decline card opens a consent
 * step showing the question redacted (editable); sending redacts it again, posts it as a card in
 * the champions' channel and keeps it, with the asker's chat reference, until a champion answers
 * or it expires. Asked only from a personal chat, so the answer can come back privately.
 */

const questionText = z
  .string({ error: 'the question is missing' })
  .max(2000, 'the question is too long')
  .refine((q) => q.trim().length > 0, 'the question is missing');

const askSchema = z.object({ verb: z.literal('askChampion'), question: questionText });
const sendSchema = z.object({ verb: z.literal('sendChampionQuestion'), question: questionText });

/** Whether the turn may ask: a champions' channel is configured and this is a personal chat. Says why not. */
async function mayAsk(deps: ChampionDeps, turn: TurnContext): Promise<boolean> {
  if (!deps.config.channel) {
    await turn.sendActivity(WORDS.notAvailable);
    return false;
  }
  if (isSharedConversation(turn.activity)) {
    await turn.sendActivity(WORDS.useOwnChat);
    return false;
  }
  return true;
}

async function showConsent(deps: ChampionDeps, turn: TurnContext, question: string): Promise<void> {
  if (!(await mayAsk(deps, turn))) return;
  deps.bot.services.log.info('champion-question', { activityId: turn.activity.id, outcome: 'consent-shown' });
  await turn.sendActivity({ attachments: [championConsentCard({ words: WORDS, question: redactQuestion(question) })] });
}

/** Post the card in the champions' channel and keep the question; false (and nothing kept) when either fails. */
async function postAndKeep(deps: ChampionDeps, turn: TurnContext, question: string): Promise<boolean> {
  const channel = deps.config.channel!;
  const now = deps.now();
  const asker = chatReferenceOf(turn);
  const pending: PendingQuestion = {
    id: randomUUID(),
    question,
    askedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.config.questionDays * 24 * 60 * 60 * 1000).toISOString(),
    asker,
  };
  const card = championQuestionCard({ words: WORDS, questionId: pending.id, question, intro: fill(WORDS.questionIntro, { date: longDate(now) }) });
  let stage = 'keep';
  try {
    await deps.store.savePending(pending, now);
    stage = 'post';
    const cardActivityId = await sendProactive(turn, championsChannel(channel, asker), deps.config.botAppId, { attachments: [card] });
    if (cardActivityId) await deps.store.savePending({ ...pending, cardActivityId }, now);
    return true;
  } catch (err) {
    deps.bot.services.log.warn('champion-question', { activityId: turn.activity.id, outcome: 'not-sent', stage, error: (err as Error).name });
    if (stage === 'post') await deps.store.removePending(pending.id).catch(() => undefined);
    return false;
  }
}

/** Note the question for the champions' report (no user id); a fault here does not undo the send. */
async function note(deps: ChampionDeps, turn: TurnContext, question: string): Promise<void> {
  try {
    await deps.feedback.append({ kind: 'champion-question', time: deps.now().toISOString(), redactedQuestion: question });
  } catch (err) {
    deps.bot.services.log.warn('feedback-unavailable', {
      activityId: turn.activity.id,
      operation: 'write',
      kind: 'champion-question',
      error: (err as Error).name,
    });
  }
}

async function sendQuestion(deps: ChampionDeps, turn: TurnContext, typed: string): Promise<void> {
  if (!(await mayAsk(deps, turn))) return;
  // Redacted again: the card's text box can be edited, and a client can send anything.
  const question = redactQuestion(typed);
  if (!(await postAndKeep(deps, turn, question))) {
    await turn.sendActivity(WORDS.notSent);
    return;
  }
  await note(deps, turn, question);
  deps.bot.services.log.info('champion-question', { activityId: turn.activity.id, outcome: 'sent' });
  await turn.sendActivity(WORDS.sent);
}

export function registerAskActions(deps: ChampionDeps): void {
  deps.bot
    .registerAction({ verb: 'askChampion', schema: askSchema, handle: ({ turn }, data) => showConsent(deps, turn, data.question) })
    .registerAction({ verb: 'sendChampionQuestion', schema: sendSchema, handle: ({ turn }, data) => sendQuestion(deps, turn, data.question) })
    .registerAction({
      verb: 'cancelChampionQuestion',
      schema: z.object({}),
      handle: async ({ turn }) => {
        await turn.sendActivity(WORDS.cancelled);
      },
    });
}
