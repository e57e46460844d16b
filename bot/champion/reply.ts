import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { championQuestionCard, championReplyCard, MAX_CHAMPION_ANSWER } from '../../cards/champion-cards';
import { redact } from '../feedback/redact';
import { CHAMPION_MESSAGES as WORDS, fill } from '../messages';
import { championsChannel, longDate, type ChampionDeps } from './deps';
import { sendProactive, updateProactive } from './proactive';
import type { PendingQuestion } from './store';

/**
 * The champion's side: the reply form on the question card in the champions' channel. Only
 * someone on CHAMPION_IDS may use it. The answer goes to the asker's personal chat as a
 * proactive message; then the question and the asker's chat reference are deleted, the card is
 * marked answered, and, if the champion ticked it, the answer joins the champion answers list
 * (redacted, with the configured role and the date, never a name).
 */

const replySchema = z.object({
  verb: z.literal('championReply'),
  questionId: z.uuid({ error: 'the question is missing' }),
  answer: z
    .string({ error: 'please write an answer' })
    .max(MAX_CHAMPION_ANSWER, 'the answer is too long')
    .refine((a) => a.trim().length > 0, 'please write an answer'),
  addToList: z.enum(['true', 'false'], { error: 'the list choice is not one I know' }).optional(),
});
type Reply = z.output<typeof replySchema>;

async function findPending(deps: ChampionDeps, turn: TurnContext, id: string): Promise<PendingQuestion | undefined> {
  try {
    return await deps.store.pending(id, deps.now());
  } catch (err) {
    deps.bot.services.log.warn('champion-reply', { activityId: turn.activity.id, outcome: 'unavailable', error: (err as Error).name });
    return undefined;
  }
}

/** Send the answer to the asker's chat; false when the channel refused. */
async function deliver(deps: ChampionDeps, turn: TurnContext, pending: PendingQuestion, answer: string, now: Date): Promise<boolean> {
  const card = championReplyCard({
    words: WORDS,
    asked: fill(WORDS.yourQuestion, { question: pending.question }),
    answer,
    answeredBy: fill(WORDS.answeredBy, { role: deps.config.roleLabel, date: longDate(now) }),
  });
  try {
    await sendProactive(turn, pending.asker, deps.config.botAppId, { attachments: [card] });
    return true;
  } catch (err) {
    deps.bot.services.log.warn('champion-reply', { activityId: turn.activity.id, outcome: 'not-delivered', error: (err as Error).name });
    return false;
  }
}

/** Replace the reply form on the channel card with "Answered on …" (best effort: the answer has already gone). */
async function markAnswered(deps: ChampionDeps, turn: TurnContext, pending: PendingQuestion, now: Date): Promise<void> {
  const channel = deps.config.channel;
  if (!channel || !pending.cardActivityId) return;
  const card = championQuestionCard({
    words: WORDS,
    questionId: pending.id,
    question: pending.question,
    intro: fill(WORDS.questionIntro, { date: longDate(pending.askedAt) }),
    answeredNote: fill(WORDS.answered, { role: deps.config.roleLabel, date: longDate(now) }),
  });
  try {
    await updateProactive(turn, championsChannel(channel, pending.asker), deps.config.botAppId, {
      type: 'message',
      id: pending.cardActivityId,
      attachments: [card],
    });
  } catch (err) {
    deps.bot.services.log.warn('champion-reply', { activityId: turn.activity.id, outcome: 'card-not-updated', error: (err as Error).name });
  }
}

/** Add the answer to the list; false when storage refused. */
async function addToList(deps: ChampionDeps, turn: TurnContext, pending: PendingQuestion, answer: string, now: Date): Promise<boolean> {
  try {
    await deps.store.addAnswer({
      question: pending.question,
      answer: redact(answer).trim().slice(0, MAX_CHAMPION_ANSWER),
      role: deps.config.roleLabel,
      answeredAt: now.toISOString(),
    });
    return true;
  } catch (err) {
    deps.bot.services.log.warn('champion-reply', { activityId: turn.activity.id, outcome: 'not-added', error: (err as Error).name });
    return false;
  }
}

async function reply(deps: ChampionDeps, turn: TurnContext, data: Reply): Promise<void> {
  const log = deps.bot.services.log;
  if (!deps.isChampion(turn.activity.from?.aadObjectId)) {
    log.info('champion-reply', { activityId: turn.activity.id, outcome: 'refused' });
    await turn.sendActivity(WORDS.notChampion);
    return;
  }
  const pending = await findPending(deps, turn, data.questionId);
  if (!pending) {
    log.info('champion-reply', { activityId: turn.activity.id, outcome: 'gone' });
    await turn.sendActivity(WORDS.gone);
    return;
  }
  const now = deps.now();
  const answer = data.answer.trim();
  if (!(await deliver(deps, turn, pending, answer, now))) {
    await turn.sendActivity(WORDS.replyFailed);
    return;
  }
  // Answered: the question and the asker's chat reference go at once.
  await deps.store
    .removePending(pending.id)
    .catch((err: unknown) => log.warn('champion-reply', { activityId: turn.activity.id, outcome: 'not-removed', error: (err as Error).name }));
  await markAnswered(deps, turn, pending, now);
  const listed = data.addToList === 'true' ? await addToList(deps, turn, pending, answer, now) : undefined;
  log.info('champion-reply', { activityId: turn.activity.id, outcome: 'delivered', listed: listed === true });
  await turn.sendActivity(listed === false ? WORDS.notAdded : listed ? WORDS.repliedAdded : WORDS.replied);
}

export function registerReplyAction(deps: ChampionDeps): void {
  deps.bot.registerAction({ verb: 'championReply', schema: replySchema, handle: ({ turn }, data) => reply(deps, turn, data) });
}
