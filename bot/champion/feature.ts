import { MemoryStorage } from 'botbuilder';
import type { ChampionPart } from '../../cards/answer-card';
import type { ChampionConfig } from '../config';
import { redactQuestion } from '../feedback/redact';
import type { FeedbackStore } from '../feedback/records';
import type { ChampionAnswers, PolicyBot } from '../handler';
import { CHAMPION_MESSAGES as WORDS, fill } from '../messages';
import { registerAskActions } from './ask';
import { longDate, type ChampionDeps } from './deps';
import { matchChampionAnswer } from './match';
import { registerReplyAction } from './reply';
import { StorageChampionStore, type ChampionStore } from './store';

/**
 * "Ask a champion": from any answer or declined question, the user may send the question, with
 * consent and redacted, to the champions' channel; a champion's reply reaches them in their
 * personal chat; a champion may add the answer to a list that later answers show, apart from the
 * policy and labelled with the role and date as not policy.
 */

export interface ChampionSettings {
  config: ChampionConfig;
  feedback: FeedbackStore;
  championIds: readonly string[];
  /** Default: the bot's state store (hashed keys), or memory without one. */
  store?: ChampionStore;
  now?: () => Date;
}

/** The button (when a champions' channel is configured) and a matching champion answer (when there is one). */
function championAnswers(deps: ChampionDeps): ChampionAnswers {
  return {
    cardPart: async (question) => {
      const part: ChampionPart = {};
      if (deps.config.channel) part.ask = { title: WORDS.askButton, question: redactQuestion(question) };
      try {
        const found = matchChampionAnswer(question, await deps.store.answers());
        if (found) {
          part.cited = {
            heading: fill(WORDS.citedHeading, { role: found.role, date: longDate(found.answeredAt) }),
            asked: fill(WORDS.citedAsked, { question: found.question }),
            answer: found.answer,
            notPolicy: WORDS.notPolicy,
          };
        }
      } catch (err) {
        deps.bot.services.log.warn('champion-answers-unavailable', { error: (err as Error).name });
      }
      return part.ask || part.cited ? part : undefined;
    },
  };
}

export function registerChampion(bot: PolicyBot, settings: ChampionSettings): void {
  const ids = new Set(settings.championIds.map((id) => id.trim().toLowerCase()));
  const deps: ChampionDeps = {
    bot,
    store: settings.store ?? new StorageChampionStore(bot.services.store?.storage ?? new MemoryStorage()),
    feedback: settings.feedback,
    isChampion: (id) => id !== undefined && ids.has(id.trim().toLowerCase()),
    config: settings.config,
    now: settings.now ?? (() => new Date()),
  };
  bot.setChampionAnswers(championAnswers(deps));
  registerAskActions(deps);
  registerReplyAction(deps);
}
