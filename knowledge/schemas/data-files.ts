import { z } from 'zod';
import { PATHWAYS } from '../triage/types';

/** Dates as printed in the documents: YYYY, YYYY-MM or YYYY-MM-DD. */
const printedDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD');

/** Front matter of knowledge/sources/<id>.md. */
export const documentMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'id must be lower-case letters, digits and hyphens'),
  title: z.string().min(1),
  publisher: z.string().min(1),
  authorities: z.array(z.string().regex(/^[a-z0-9-]+$/)),
  issued: printedDate,
  reviewDue: printedDate.nullable(),
  reviewNote: z.string().min(1).optional(),
  url: z.string().url().optional(),
  national: z.boolean().optional(),
});

/** knowledge/glossary.yaml: acronyms and terms, with variant spellings. */
export const glossaryEntrySchema = z.object({
  term: z.string().min(1),
  expansion: z.string().min(1),
  /** Other spellings of the term or the expansion ("Claire's Law", "M.A.S.H"). */
  variants: z.array(z.string().min(1)).default([]),
  explanation: z.string().min(1),
  /** Only match the term as written in capitals ("SEND", not "send"). Terms of two letters always do. */
  matchCase: z.boolean().optional(),
});
export const glossarySchema = z.object({ entries: z.array(glossaryEntrySchema).min(1) });

/** knowledge/synonyms.yaml: everyday words people ask with, mapped to the documents' words. */
export const synonymsSchema = z.object({
  groups: z.array(z.array(z.string().min(1)).min(2)),
  /** Generic words that weigh little in the confidence rule. */
  weak: z.array(z.string().min(1)).default([]),
});

/** knowledge/typing.yaml: shorthand and apostrophe-less contractions, rewritten before a question is read. */
const rewriteMap = z.record(z.string().regex(/^[a-z0-9&/.']+$/, "a typed form is one lower-case word (letters, digits, & / . or ')"), z.string().min(1));
export const typingSchema = z.object({
  abbreviations: rewriteMap,
  contractions: rewriteMap,
  /** Several typed words for the documents' word ("can't agree" is a disagreement). */
  phrases: z.record(z.string().regex(/^[a-z0-9&/.']+(?: [a-z0-9&/.']+)+$/, 'a typed phrase is two or more lower-case words'), z.string().min(1)).optional(),
  /** What a clock time in the evening or at night ("9pm", "2am") stands for in the documents' words ("out of hours"). */
  nightTime: z.string().min(1).optional(),
});
export type Typing = z.infer<typeof typingSchema>;

/** knowledge/superseded.yaml: statements that later law or guidance replaced. */
export const supersededSchema = z.object({
  rules: z.array(
    z.object({
      /** Case-insensitive regular expression matched against passage text. */
      pattern: z
        .string()
        .min(1)
        .refine((p) => {
          try {
            new RegExp(p, 'i');
            return true;
          } catch {
            return false;
          }
        }, 'pattern is not a valid regular expression'),
      note: z.string().min(1),
      /** Only documents issued before this date (YYYY-MM) are annotated. */
      issuedBefore: printedDate.optional(),
    }),
  ),
});

/** knowledge/other-authorities.yaml: English local authorities that have no document here. */
export const otherAuthoritiesSchema = z.object({
  authorities: z.array(
    z.union([
      z.string().min(2),
      // Names that are also ordinary words ("Reading", "Bury") only count when capitalised.
      z.object({ name: z.string().min(2), matchCase: z.boolean().default(false) }),
    ]),
  ),
});

/** knowledge/out-of-scope.yaml: staff questions that belong elsewhere (IT, HR, expenses, buildings). */
export const outOfScopeSchema = z.object({
  topics: z.array(
    z
      .object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        pointTo: z.string().min(3),
        phrases: z.array(z.string().min(2)).default([]),
        /** A subject the documents name, asked about in a way they never answer ("how long does a non-mol last"). */
        asked: z.array(z.object({ subjects: z.array(z.string().min(2)).min(1), asks: z.array(z.string().min(2)).min(1) }).strict()).default([]),
      })
      .strict()
      .refine((t) => t.phrases.length > 0 || t.asked.length > 0, { message: 'a topic needs phrases, or subjects asked about (asked)' }),
  ),
});
export type OutOfScope = z.infer<typeof outOfScopeSchema>;

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

const line = z.string().min(1);

/** Every sentence of the induction course (knowledge/messages.yaml `induction:`). */
const INDUCTION_KEYS = [
  'setAuthorityFirst',
  'started',
  'resumed',
  'progress',
  'progressComplete',
  'notStarted',
  'alreadyAnswered',
  'stale',
  'notSaved',
  'restarted',
  'shared',
  'unshared',
  'notComplete',
  'statusHowTo',
  'statusShared',
  'statusNotShared',
  'stepHeading',
  'quoteLabel',
  'openSource',
  'checkHeading',
  'checkButton',
  'chooseAnswer',
  'right',
  'wrong',
  'why',
  'continueButton',
  'finishButton',
  'completeHeading',
  'completeIntro',
  'score',
  'shareButton',
  'unshareButton',
  'shareNote',
  'sharedNote',
  'restartButton',
  'reminder',
  'askExpansion',
  'askMeaning',
  'askContact',
] as const;

/** knowledge/messages.yaml: everything the bot and the answer engine say outside the cards' templates. */
/** The "Ask a champion" sentences without placeholders. */
const CHAMPION_LINES = [
  'askButton',
  'consentHeading',
  'consentIntro',
  'consentReminder',
  'consentLabel',
  'consentSend',
  'consentCancel',
  'cancelled',
  'useOwnChat',
  'notAvailable',
  'sent',
  'notSent',
  'questionHeading',
  'replyLabel',
  'replyRequired',
  'replyAddToList',
  'replyButton',
  'replyChampionsOnly',
  'notChampion',
  'gone',
  'replied',
  'repliedAdded',
  'notAdded',
  'replyFailed',
  'replyHeading',
  'notPolicy',
] as const;

export const messagesSchema = z.object({
  topics: z.array(z.string().min(1)).min(1),
  helpline: z.string().min(1),
  declineOffTopic: z.string().includes('{covers}'),
  declineUncovered: z.string().includes('{authority}'),
  declineEmpty: z.string().min(1),
  declineOutOfScope: z.string().includes('{pointTo}'),
  /** The bot's own replies outside cards (bot/messages.ts). */
  bot: z
    .object({
      staleCard: line,
      badCard: z.string().includes('{problems}'),
      unknownAuthority: line,
      authoritySet: z.string().includes('{authority}'),
      authoritySetAsk: z.string().includes('{authority}'),
      emptyMessage: line,
      glossaryHowTo: line,
      passageGone: line,
      triageComingSoon: line,
      turnError: line,
      storageSlow: line,
      slowDown: line,
      invokeNotAvailable: line,
      taskNotAvailable: line,
      cardActionNotAvailable: line,
      authorityNotSaved: z.string().includes('{authority}'),
      progressNotSaved: line,
    })
    .strict(),
  triage: z
    .object({
      stale: line,
      expired: line,
      notYours: line,
      wrongStep: line,
      invalid: z.string().includes('{what}'),
      redirected: line,
      redirectFailed: line,
      askEmpty: line,
      cancelled: line,
      nothingToCancel: line,
      pathwayQuestions: z.object(Object.fromEntries(PATHWAYS.map((p) => [p, line])) as Record<(typeof PATHWAYS)[number], typeof line>).strict(),
      referralQuestion: z.string().includes('{label}'),
    })
    .strict(),
  search: z.object({ badQuery: line, unknownCommand: line, tooLong: z.string().includes('{max}'), noResults: line, staleItem: line, failed: line }).strict(),
  contacts: z.object({ setAuthorityFirst: line, noContacts: z.string().includes('{name}') }).strict(),
  escalation: z
    .object({
      help: line,
      compareHelp: line,
      heading: z.string().includes('{authority}'),
      intro: z.string().includes('{authority}'),
      when: z.string().includes('{when}'),
      silent: z.string().includes('{authority}'),
      reminder: line,
      setAuthorityFirst: line,
      compareHeading: z.string().includes('{topic}'),
      compareIntro: line,
      compareHowTo: z.string().includes('{topics}'),
    })
    .strict(),
  services: z
    .object({
      help: line,
      heading: z.string().includes('{needs}'),
      intro: z.string().includes('{needs}'),
      local: z.string().includes('{authority}'),
      localNone: z.string().includes('{authority}'),
      national: line,
      nationalNone: line,
      always: z.string().includes('{helpline}'),
      reminder: line,
      setAuthorityFirst: line,
      howTo: z.string().includes('{needs}'),
      notUnderstood: z.string().includes('{needs}'),
    })
    .strict(),
  /** The induction course's replies and card wording (bot/induction). */
  induction: z.object(Object.fromEntries(INDUCTION_KEYS.map((k) => [k, line])) as Record<(typeof INDUCTION_KEYS)[number], typeof line>).strict(),
  /** Feedback on answers and the champions' report (bot/feedback/). */
  feedback: z
    .object({
      thanks: line,
      thanksNotHelpful: line,
      thanksShared: line,
      notSaved: line,
      notChampion: line,
      reportHowTo: z.string().includes('{max}'),
      reportUnavailable: line,
    })
    .strict(),
  /** "Ask a champion" (bot/champion/): replies and card wording. */
  champion: z
    .object({
      ...Object.fromEntries(CHAMPION_LINES.map((k) => [k, line])),
      questionIntro: z.string().includes('{date}'),
      answered: z.string().includes('{role}').includes('{date}'),
      yourQuestion: z.string().includes('{question}'),
      answeredBy: z.string().includes('{role}').includes('{date}'),
      citedHeading: z.string().includes('{role}').includes('{date}'),
      citedAsked: z.string().includes('{question}'),
    } as Record<(typeof CHAMPION_LINES)[number] | 'questionIntro' | 'answered' | 'yourQuestion' | 'answeredBy' | 'citedHeading' | 'citedAsked', z.ZodString>)
    .strict(),
});
export type Messages = z.infer<typeof messagesSchema>;
