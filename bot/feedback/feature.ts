import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { ChampionConfig } from '../config';
import type { AnswerObserver, PolicyBot } from '../handler';
import { FEEDBACK_MESSAGES } from '../messages';
import type { RouteRegistrar } from '../server';
import { REASONS, RATINGS, type FeedbackRecord, type FeedbackStore } from './records';
import { redactQuestion } from './redact';
import { createChampions, processSigner, type Champions, type Signer } from './report-link';
import { registerReportCommand } from './report-command';
import { reportCsvRoute } from './report-route';
import { gapTopic, isGap, passageTopic } from './topics';

/**
 * Feedback and gaps: Helpful / Not helpful on every answer card, a gap noted for every declined
 * question, and `report` with its CSV download for the champions. Nothing here logs or keeps
 * what was typed, except a question the user chose to share, redacted.
 */

export interface FeedbackSettings {
  store: FeedbackStore;
  /** Entra object ids of the champions (CHAMPION_IDS). */
  championIds: readonly string[];
  /** "Ask a champion" (bot/champion/): the champions' channel, the role label, how long questions wait. */
  champion?: ChampionConfig;
  now?: () => Date;
}

/** What the parts of the feature share. */
export interface FeedbackDeps {
  bot: PolicyBot;
  store: FeedbackStore;
  champions: Champions;
  sign: Signer;
  now: () => Date;
}

const feedbackSchema = z
  .object({
    verb: z.literal('feedback'),
    rating: z.enum(RATINGS, { error: 'the rating is missing' }),
    passageId: z.string({ error: 'the passage is missing' }).min(1, 'the passage is missing').max(200, 'the passage id is too long'),
    reason: z.enum(REASONS, { error: 'please choose what was wrong' }).optional(),
    share: z.enum(['true', 'false'], { error: 'the share choice is not one I know' }).optional(),
    question: z.string({ error: 'the question must be text' }).max(2000, 'the question is too long').optional(),
  })
  .refine((d) => d.rating === 'helpful' || d.reason !== undefined, { message: 'please choose what was wrong', path: ['reason'] });

type FeedbackInput = z.output<typeof feedbackSchema>;

async function appendOrSay(deps: FeedbackDeps, turn: TurnContext, record: FeedbackRecord): Promise<boolean> {
  try {
    await deps.store.append(record);
    deps.bot.services.log.info('feedback-recorded', { activityId: turn.activity.id, kind: record.kind });
    return true;
  } catch (err) {
    deps.bot.services.log.warn('feedback-unavailable', { activityId: turn.activity.id, operation: 'write', kind: record.kind, error: (err as Error).name });
    return false;
  }
}

async function recordRating(deps: FeedbackDeps, turn: TurnContext, data: FeedbackInput): Promise<void> {
  const notHelpful = data.rating === 'not-helpful';
  const shared = notHelpful && data.share === 'true' && data.question ? redactQuestion(data.question) : '';
  const topic = passageTopic(deps.bot.services.engine, data.passageId);
  const authority = await deps.bot.getAuthority(turn);
  const record: FeedbackRecord = {
    kind: 'feedback',
    time: deps.now().toISOString(),
    rating: data.rating,
    passageId: data.passageId,
    ...(notHelpful && data.reason ? { reason: data.reason } : {}),
    ...(topic ? { topic } : {}),
    ...(authority ? { authority } : {}),
    ...(shared ? { redactedQuestion: shared } : {}),
  };
  if (!(await appendOrSay(deps, turn, record))) {
    await turn.sendActivity(FEEDBACK_MESSAGES.notSaved);
    return;
  }
  await turn.sendActivity(shared ? FEEDBACK_MESSAGES.thanksShared : notHelpful ? FEEDBACK_MESSAGES.thanksNotHelpful : FEEDBACK_MESSAGES.thanks);
}

/** Rating buttons on every answer card; a gap noted, quietly, for every declined question. */
function answerObserver(deps: FeedbackDeps): AnswerObserver {
  return {
    cardFeedback: (question) => ({ sharedQuestion: question ? redactQuestion(question) : '' }),
    answered: async (turn, { result, authority }) => {
      if (!isGap(result)) return;
      const record: FeedbackRecord = { kind: 'gap', time: deps.now().toISOString(), ...gapTopic(result), ...(authority ? { authority } : {}) };
      await appendOrSay(deps, turn, record);
    },
  };
}

/** The keyed hash of the bot's state store when it has one, so links outlive a restart; a per-process key otherwise. */
function signerFor(bot: PolicyBot): Signer {
  const store = bot.services.store;
  return store ? (text) => store.hashId(`report-link:${text}`) : processSigner();
}

/** Wire the feature; returns the CSV route for the server. */
export function registerFeedback(bot: PolicyBot, settings: FeedbackSettings): RouteRegistrar {
  const sign = signerFor(bot);
  const deps: FeedbackDeps = {
    bot,
    store: settings.store,
    champions: createChampions(settings.championIds, sign),
    sign,
    now: settings.now ?? (() => new Date()),
  };
  bot.setAnswerObserver(answerObserver(deps));
  bot.registerAction({ verb: 'feedback', schema: feedbackSchema, handle: ({ turn }, data) => recordRating(deps, turn, data) });
  registerReportCommand(deps);
  return reportCsvRoute(deps);
}
