import type { Attachment } from 'botbuilder';
import type { CourseQuestion, CourseStep } from '../knowledge/induction/types';
import type { Messages } from '../knowledge/schemas/data-files';
import type { TriageCitation } from '../knowledge/triage/types';
import { citationLine, formatIssued, libraryUrl } from './citation-text';
import completeTemplate from './induction-complete.json';
import feedbackTemplate from './induction-feedback.json';
import stepTemplate from './induction-step.json';
import { renderCard } from './render';

/**
 * The induction course's cards: a step (the quoted passage, its source, one or two multiple-choice
 * questions), the feedback on a step's answers (with the passage as the explanation) and the
 * completion summary. Plain data in; every sentence comes from knowledge/messages.yaml.
 */

export type InductionWords = Messages['induction'];

export interface CardContext {
  words: InductionWords;
  publicBaseUrl: string;
  authorityName: (id: string) => string;
}

/** The input id of a question on a step card: what the submission carries its chosen option under. */
export function answerInputId(questionId: string): string {
  return `answer-${questionId}`;
}

export function fillWords(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (values[k] === undefined ? m : String(values[k])));
}

/** A question's prompt, worded from its stem. */
export function questionPrompt(q: CourseQuestion, words: InductionWords): string {
  if (q.kind === 'ask') return q.fill.ask ?? '';
  const stem = q.kind === 'expansion' ? words.askExpansion : q.kind === 'meaning' ? words.askMeaning : words.askContact;
  return fillWords(stem, q.fill);
}

function sourceOf(c: TriageCitation, ctx: CardContext) {
  return { quote: `“${c.quote}”`, source: citationLine(c, ctx.authorityName), sourceUrl: libraryUrl(ctx.publicBaseUrl, c.anchor) };
}

function heading(n: number, total: number, words: InductionWords): string {
  return fillWords(words.stepHeading, { n, total });
}

export function inductionStepCard(step: CourseStep, at: { n: number; total: number }, ctx: CardContext): Attachment {
  const w = ctx.words;
  return renderCard(stepTemplate, {
    heading: heading(at.n, at.total, w),
    title: step.title,
    quoteLabel: w.quoteLabel,
    ...sourceOf(step.citation, ctx),
    checkHeading: w.checkHeading,
    questions: step.questions.map((q) => ({
      inputId: answerInputId(q.id),
      prompt: questionPrompt(q, w),
      required: w.chooseAnswer,
      choices: q.options.map((title, value) => ({ title, value: String(value) })),
    })),
    checkButton: w.checkButton,
    openSource: w.openSource,
    stepId: step.id,
  });
}

export interface Marked {
  question: CourseQuestion;
  right: boolean;
}

export function inductionFeedbackCard(
  step: CourseStep,
  marked: readonly Marked[],
  at: { n: number; total: number; last: boolean },
  ctx: CardContext,
): Attachment {
  const w = ctx.words;
  return renderCard(feedbackTemplate, {
    heading: heading(at.n, at.total, w),
    title: step.title,
    results: marked.map(({ question, right }) => ({
      prompt: questionPrompt(question, w),
      verdict: right ? w.right : fillWords(w.wrong, { answer: question.options[question.answer] ?? '' }),
      color: right ? 'Good' : 'Attention',
    })),
    whyLabel: w.why,
    ...sourceOf(step.citation, ctx),
    reminder: w.reminder,
    nextButton: at.last ? w.finishButton : w.continueButton,
    openSource: w.openSource,
  });
}

export interface CompletionData {
  topics: readonly string[];
  right: number;
  of: number;
  /** YYYY-MM-DD. */
  completedOn: string;
  shared: boolean;
}

export function inductionCompleteCard(done: CompletionData, words: InductionWords): Attachment {
  const date = formatIssued(done.completedOn);
  return renderCard(completeTemplate, {
    heading: words.completeHeading,
    intro: fillWords(words.completeIntro, { date }),
    topics: done.topics.map((topic) => ({ topic })),
    score: fillWords(words.score, { right: done.right, of: done.of }),
    shareNote: done.shared ? words.sharedNote : words.shareNote,
    reminder: words.reminder,
    shareButton: done.shared ? words.unshareButton : words.shareButton,
    shareVerb: done.shared ? 'induction.unshare' : 'induction.share',
    restartButton: words.restartButton,
  });
}
