import { z } from 'zod';
import { answerInputId } from '../../cards/induction-cards';
import type { CourseStep } from '../../knowledge/induction/types';

/** What the induction cards send back, checked with zod. Messages are shown to the user as they are. */

export const VERBS = {
  answer: 'induction.answer',
  next: 'induction.next',
  share: 'induction.share',
  unshare: 'induction.unshare',
  restart: 'induction.restart',
} as const;

const stepId = z
  .string({ error: 'the card is missing its step (it may be from an older version of me)' })
  .regex(/^[a-z0-9-]{1,60}$/, 'the card is missing its step (it may be from an older version of me)');

/** First check of an answer card: the verb and the step. The answers are checked against the step. */
export const answerEnvelope = z.object({ verb: z.literal(VERBS.answer), step: stepId }).loose();

export const plainVerb = <V extends string>(verb: V) => z.object({ verb: z.literal(verb) }).loose();

/** The chosen option of each question of the step, as indexes; `chooseAnswer` is the message for a missing or foreign one. */
export function answersSchema(step: CourseStep, chooseAnswer: string) {
  const shape = Object.fromEntries(
    step.questions.map((q) => [
      answerInputId(q.id),
      z
        .string({ error: chooseAnswer })
        .regex(/^\d{1,2}$/, chooseAnswer)
        .transform(Number)
        .refine((n) => n < q.options.length, chooseAnswer),
    ]),
  );
  return z.object(shape).loose();
}
