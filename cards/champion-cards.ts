import type { Attachment } from 'botbuilder';
import type { Messages } from '../knowledge/schemas/data-files';
import consentTemplate from './champion-consent.json';
import questionTemplate from './champion-question.json';
import replyTemplate from './champion-reply.json';
import { renderCard } from './render';

/**
 * "Ask a champion" cards: the asker's consent step (the redacted question, editable), the card
 * posted in the champions' channel (with the reply form, or a note once answered) and the
 * champion's answer as the asker receives it. Plain data in; every sentence comes from
 * knowledge/messages.yaml (`champion:`), filled by the caller where it has placeholders.
 */

export type ChampionWords = Messages['champion'];

/** The longest question or answer a champion card accepts. */
export const MAX_CHAMPION_TEXT = 500;
export const MAX_CHAMPION_ANSWER = 2000;

export function championConsentCard(opts: { words: ChampionWords; question: string }): Attachment {
  return renderCard(consentTemplate, { words: opts.words, question: opts.question, maxLength: MAX_CHAMPION_TEXT });
}

export interface ChampionQuestionView {
  words: ChampionWords;
  questionId: string;
  /** Redacted. */
  question: string;
  /** "Asked on 15 April 2025 …" (filled). */
  intro: string;
  /** Set once answered: the note that replaces the reply form. */
  answeredNote?: string;
}

export function championQuestionCard(view: ChampionQuestionView): Attachment {
  return renderCard(questionTemplate, {
    words: view.words,
    questionId: view.questionId,
    question: view.question,
    intro: view.intro,
    answered: view.answeredNote !== undefined,
    answeredNote: view.answeredNote ?? '',
    maxLength: MAX_CHAMPION_ANSWER,
  });
}

export function championReplyCard(opts: { words: ChampionWords; asked: string; answer: string; answeredBy: string }): Attachment {
  return renderCard(replyTemplate, opts);
}
