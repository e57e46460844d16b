import { z } from 'zod';
import { numbersIn } from '../text/phone-numbers';
import { FACT_NAMES, INDICATOR_FACTS, type INDICATOR_GROUPS, PATHWAYS, type Condition } from './types';

/** A phone field: every number in it must be whole (a truncated number printed in a source is left out). */
const dialablePhones = z
  .string()
  .min(3)
  .refine(
    (p) => numbersIn(p).length > 0 && numbersIn(p).every((n) => n.dialable),
    'every phone number must be a whole number that can be dialled (10–11 digits, or 999/101/111)',
  );

/**
 * zod schemas for the triage data files. The cross-file checks (a rule names an indicator that
 * exists, a quote is found in a passage) are refinements built from a context, so a bad
 * reference is reported by loadDataFile with the file and line, like any other error.
 */

export interface SchemaContext {
  /** Returns an error message when the quote cannot be resolved, else undefined. */
  checkCite(doc: string, quote: string): string | undefined;
  indicatorIds: ReadonlySet<string>;
  tags: ReadonlySet<string>;
  referralIds: ReadonlySet<string>;
  /** Needs declared in knowledge/services.yaml. */
  needs: ReadonlySet<string>;
  /** Escalation topics declared in knowledge/escalation.yaml (unchecked when absent). */
  escalationTopics?: ReadonlySet<string>;
}

const id = z.string().regex(/^[a-z0-9-]+$/, 'id must be lower-case letters, digits and hyphens');
const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const regex = z
  .string()
  .min(1)
  .superRefine((p, ctx) => {
    try {
      new RegExp(p.replace(/\{[a-zA-Z]+\}/g, 'x'), 'iu');
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(err as Error).message}` });
    }
  });

export function citeSchema(c: SchemaContext | undefined) {
  return z
    .object({
      doc: id,
      quote: z.string().min(8, 'quote must be at least 8 characters so it identifies a passage'),
      /** Shown with the citation, e.g. why Camden's matrix is cited for another authority. */
      note: z.string().min(1).optional(),
      supersededNote: z.string().min(1).optional(),
    })
    .strict()
    .superRefine((v, ctx) => {
      const err = c?.checkCite(v.doc, v.quote);
      if (err) ctx.addIssue({ code: 'custom', message: err, path: ['quote'] });
    });
}
export type CiteRef = z.infer<ReturnType<typeof citeSchema>>;

export function citesSchema(c: SchemaContext | undefined) {
  const one = citeSchema(c);
  return z.union([one, z.array(one).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));
}

export function conditionSchema(c: SchemaContext | undefined): z.ZodType<Condition> {
  const knownIndicator = id.superRefine((v, ctx) => {
    if (c && !c.indicatorIds.has(v)) ctx.addIssue({ code: 'custom', message: `unknown indicator "${v}"` });
  });
  const schema: z.ZodType<Condition> = z.lazy(() =>
    z.union([
      knownIndicator,
      z.object({ indicator: knownIndicator }).strict(),
      z
        .object({ tag: id })
        .strict()
        .superRefine((v, ctx) => {
          if (c && !c.tags.has(v.tag)) ctx.addIssue({ code: 'custom', message: `no indicator has tag "${v.tag}"`, path: ['tag'] });
        }),
      z.object({ any: z.array(schema).min(1) }).strict(),
      z.object({ all: z.array(schema).min(1) }).strict(),
      z.object({ not: schema }).strict(),
      z.object({ always: z.literal(true) }).strict(),
      z
        .object({
          fact: z.enum(FACT_NAMES),
          gte: z.number().optional(),
          gt: z.number().optional(),
          lte: z.number().optional(),
          lt: z.number().optional(),
          eq: z.union([z.number(), z.string(), z.boolean()]).optional(),
          in: z.array(z.union([z.number(), z.string()])).optional(),
          is: z.boolean().optional(),
          present: z.boolean().optional(),
        })
        .strict()
        .refine((v) => Object.keys(v).length > 1, 'a fact condition needs a comparison (gte, gt, lte, lt, eq, in, is or present)'),
    ]),
  ) as z.ZodType<Condition>;
  return schema;
}

const step = z.object({ text: z.string().min(1), timescale: z.string().min(1).optional() }).strict();

export function ruleSchema(c: SchemaContext | undefined) {
  return z
    .object({
      id,
      description: z.string().min(1),
      when: conditionSchema(c),
      level: level.optional(),
      pathway: z.enum(PATHWAYS).optional(),
      referrals: z
        .array(
          z
            .object({
              id: id.superRefine((v, ctx) => {
                if (c && !c.referralIds.has(v))
                  ctx.addIssue({ code: 'custom', message: `unknown referral id "${v}" (add it to referralTypes in knowledge/triage/rules.yaml)` });
              }),
              why: z.string().min(1).optional(),
            })
            .strict(),
        )
        .default([]),
      nextSteps: z.array(step).default([]),
      /** Contact ids in the asker's authority file to show when the rule fires. */
      contacts: z.array(id).default([]),
      /** Needs (knowledge/services.yaml) whose local and national services to show when the rule fires. */
      services: z
        .array(
          id.superRefine((v, ctx) => {
            if (c && !c.needs.has(v)) ctx.addIssue({ code: 'custom', message: `unknown need "${v}" (see needs in knowledge/services.yaml)` });
          }),
        )
        .default([]),
      cite: citesSchema(c),
    })
    .strict();
}

export function escalationSchema(c: SchemaContext | undefined) {
  return z
    .object({
      id,
      description: z.string().min(1),
      when: conditionSchema(c),
      raiseBy: z.number().int().min(1).max(3).optional(),
      /** With raiseBy: never below this level after raising. */
      atLeast: level.optional(),
      setLevel: level.optional(),
      cite: citesSchema(c),
    })
    .strict()
    .refine((v) => v.raiseBy !== undefined || v.setLevel !== undefined, 'an escalation needs raiseBy or setLevel');
}

// caseSensitive: for acronyms that are also words ("SEND" is not "send", "FM" is not "fm").
const patternEntry = z.union([regex, z.object({ pattern: regex, negatable: z.boolean().default(true), caseSensitive: z.boolean().default(false) }).strict()]);

/** The longest pattern or phrase a person can review at a glance: one line of a data file. */
export const MAX_PATTERN_LENGTH = 110;

const vocabularies = z.record(z.string().regex(/^[a-zA-Z]+$/), z.array(z.string().min(1)).min(1));

/** knowledge/triage/reading.yaml: shared vocabularies (slots), negation, numbers, facts and the card's questions. */
export const readingFileSchema = z
  .object({
    vocabularies,
    negation: z
      .object({
        cues: z.array(regex).min(1),
        exceptions: z.array(regex).default([]),
        clauseBreaks: regex,
        /** A match that opens a clause of its own ("he's here") is not negated by a cue before it ("don't come home he's here"). */
        clauseStarts: regex.optional(),
        /** A negation carries through a list of short items split at `listSeparators` ("never name-calling, threats or anything physical"), when one of `listAlternatives` joins them. */
        listSeparators: regex.optional(),
        listAlternatives: regex.optional(),
        window: z.number().int().min(5).max(200),
        maxWordsBetween: z.number().int().min(0).max(20),
      })
      .strict(),
    numberWords: z.record(z.string(), z.number()),
    facts: z.array(
      z
        .object({
          fact: z.enum(['childAge', 'policeNotifications', 'dashScore', 'unborn']),
          pattern: regex,
          negatable: z.boolean().default(true),
          caseSensitive: z.boolean().default(false),
          value: z.number().optional(),
        })
        .strict(),
    ),
    questions: z.array(
      z
        .object({
          id,
          fact: z.string().min(1),
          text: z.string().min(1),
          kind: z.enum(['ages', 'number', 'yes-no', 'yes-no-number', 'text']),
        })
        .strict(),
    ),
    checks: z
      .array(
        z
          .object({
            id,
            text: z.string().min(1),
            indicators: z.array(id).default([]),
            fact: z.enum(['unborn']).optional(),
            severe: z.boolean().default(false),
          })
          .strict()
          .refine((c) => c.indicators.length > 0 || c.fact !== undefined, 'a check sets indicators or a fact'),
      )
      .default([]),
    /** Sentences that say nothing of risk: the meaning reader's contrast class. */
    meaningBackground: z.array(z.string().min(8)).default([]),
    /** Case-note shorthand written in capitals ("M" for mum, "F" for dad), read as the words. */
    shorthand: z.record(z.string().regex(/^[A-Z]{1,4}$/, 'shorthand is 1 to 4 capital letters'), z.string().min(2)).default({}),
    /** Contractions typed without the apostrophe ("hes", "dont"), read with it so the patterns see one form. */
    contractions: z.record(z.string().regex(/^[a-z]{2,8}$/, 'a contraction is typed as 2 to 8 lower-case letters'), z.string().includes("'")).default({}),
    /** Chat spellings typed fast in Teams ("n" for and, "kickin", "nife"), read as the words: whole words, any case. */
    chat: z
      .record(
        z.string().regex(/^[a-z0-9]{1,12}\/?$/, 'a chat spelling is 1 to 12 lower-case letters or digits, with a slash after at most ("w/")'),
        z.string().min(1),
      )
      .default({}),
  })
  .strict();
export type ReadingFile = z.infer<typeof readingFileSchema>;

/**
 * One indicator, as a person reviews it: plain `phrases` (matched as whole words, {slot}
 * placeholders allowed), short `patterns` for what phrases cannot say (numbers, word order),
 * plain-language `examples` for the meaning reader (as practitioners and children say things),
 * and sentences the pattern reader must and must not read as this indicator (checked by the build).
 */
export const indicatorSchema = z
  .object({
    id,
    label: z.string().min(1),
    tags: z.array(id).default([]),
    help: z.string().min(1).optional(),
    phrases: z.array(z.union([z.string().min(2), z.object({ phrase: z.string().min(2), negatable: z.boolean().default(true) }).strict()])).default([]),
    patterns: z.array(patternEntry).default([]),
    examples: z.array(z.string().min(8)).default([]),
    mustMatch: z.array(z.string().min(4)).default([]),
    mustNotMatch: z.array(z.string().min(4)).default([]),
    /**
     * The documents' own words for this situation ("adolescent to parent violence" for a son hitting his mum):
     * a policy question that describes the situation, as the patterns read it, also searches for these.
     */
    askedAbout: z.array(z.string().min(2)).default([]),
    /** false: only the patterns read it (an indicator that lowers concern, or a fact such as "no children"). */
    readByMeaning: z.boolean().default(true),
    /** Less specific indicators this one includes: shown once, as this one ("strangulation" is physical violence). */
    implies: z.array(id).default([]),
    /** Indicators this one rules out when the patterns read it: the meaning reader does not suggest them ("first ever call-out" is not "repeated call-outs"). */
    excludes: z.array(id).default([]),
    /** Indicators this one means are absent when the patterns read it, whichever reader found them ("split up four years ago" is not a recent separation). */
    cancels: z.array(id).default([]),
    /** The fact this indicator stands for (one indicator per fact; the build requires immediateDanger). */
    fact: z.enum(INDICATOR_FACTS).optional(),
  })
  .strict()
  .refine((i) => i.phrases.length + i.patterns.length > 0, 'an indicator needs at least one phrase or pattern');
export type IndicatorEntry = z.infer<typeof indicatorSchema>;

/** knowledge/triage/indicators/<group>.yaml: the indicators of one group (the file name), and any slots only they use. */
export const indicatorGroupFileSchema = z
  .object({
    vocabularies: vocabularies.optional(),
    indicators: z
      .array(indicatorSchema)
      .min(1)
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((ind, i) => {
          if (seen.has(ind.id)) ctx.addIssue({ code: 'custom', message: `duplicate indicator id "${ind.id}"`, path: [i, 'id'] });
          seen.add(ind.id);
        });
      }),
  })
  .strict();

/** Everything the reader needs, as loaded from reading.yaml and every group file. */
export interface IndicatorsFile extends ReadingFile {
  indicators: (IndicatorEntry & { group: (typeof INDICATOR_GROUPS)[number]; file: string })[];
}

export function matrixFileSchema(c: SchemaContext | undefined) {
  const item = z
    .object({ text: z.string().min(1), indicators: z.array(conditionSchema(c)).default([]), cite: citesSchema(c) })
    .strict()
    .refine((v) => v.indicators.every((x) => typeof x === 'string'), 'matrix items list indicator ids only');
  return z
    .object({
      note: z.string().min(1),
      scales: z
        .array(
          z
            .object({
              scale: level,
              name: z.string().min(1),
              pathway: z.enum(PATHWAYS),
              response: z.string().min(1),
              cite: citesSchema(c),
              evidence: z.array(item).default([]),
              riskFactors: z.array(item).default([]),
              protectiveFactors: z.array(item).default([]),
            })
            .strict(),
        )
        .length(4),
      uplift: escalationSchema(c),
      /**
       * The matrix says a young child "can raise threshold to scale 4" (and "to Scale3"): the uplift
       * takes scale 3 to 4 (2 to 3) only when this condition holds too; otherwise the level stays and
       * the note says what would raise it.
       */
      upliftToScale4: upliftHoldSchema(c).optional(),
      upliftToScale3: upliftHoldSchema(c).optional(),
      riskFactorReach: z.number().int().min(0).max(3).optional(),
    })
    .strict();
}

function upliftHoldSchema(c: SchemaContext | undefined) {
  return z.object({ when: conditionSchema(c), otherwise: z.string().min(1) }).strict();
}

export function rulesFileSchema(c: SchemaContext | undefined) {
  return z
    .object({
      disclaimer: z.string().min(1),
      /** Each referral's name, and the policy question the triage result offers about it. */
      referralTypes: z.record(id, z.object({ label: z.string().min(1), question: z.string().min(8).optional() }).strict()),
      contacts: z.array(contactSchema(c)).default([]),
      escalations: z.array(escalationSchema(c)).default([]),
      rules: z.array(ruleSchema(c)).min(1),
    })
    .strict();
}

export function contactSchema(c: SchemaContext | undefined) {
  return z
    .object({
      id,
      role: z.string().min(1),
      name: z.string().min(1).optional(),
      phone: dialablePhones.optional(),
      email: z.string().email().optional(),
      hours: z.string().min(1).optional(),
      outOfHours: z.string().min(3).optional(),
      serves: z.array(id).default([]),
      cite: citesSchema(c),
    })
    .strict();
}

const routeKeys = z.enum(PATHWAYS);

/** One entry of an authority's `escalation:` section: who or what, when, contacts, and the passage that says so. */
export function escalationEntrySchema(c: SchemaContext | undefined) {
  return z
    .object({
      topic: id.superRefine((v, ctx) => {
        if (c?.escalationTopics && !c.escalationTopics.has(v))
          ctx.addIssue({ code: 'custom', message: `unknown escalation topic "${v}" (see knowledge/escalation.yaml)` });
      }),
      /** Who to go to or what to do, as the document says it. */
      what: z.string().min(8),
      /** When, as the document says it; left out when the document does not say. */
      when: z.string().min(8).optional(),
      /** Contact ids of the same authority file. */
      contacts: z.array(id).default([]),
      cite: citesSchema(c),
    })
    .strict();
}

/** knowledge/authorities/<id>.yaml: id, name and aliases (search), then triage data. */
export function authorityFileSchema(c: SchemaContext | undefined) {
  const route = z
    .object({ summary: z.string().min(1), contacts: z.array(id).default([]), nextSteps: z.array(step).default([]), cite: citesSchema(c) })
    .strict();
  return z
    .object({
      id,
      name: z.string().min(1),
      aliases: z.array(z.string().min(1)).default([]),
      documents: z.array(id).min(1),
      contacts: z.array(contactSchema(c)).min(1),
      routes: z.record(routeKeys, route),
      rules: z.array(ruleSchema(c)).default([]),
      /** Escalation routes, only what the documents say (knowledge/escalation.yaml lists the topics). */
      escalation: z.array(escalationEntrySchema(c)).default([]),
    })
    .strict()
    .superRefine((a, ctx) => {
      const contactIds = new Set(a.contacts.map((x) => x.id));
      for (const p of PATHWAYS) if (!a.routes[p]) ctx.addIssue({ code: 'custom', message: `missing route for pathway "${p}"`, path: ['routes'] });
      for (const [p, r] of Object.entries(a.routes))
        r.contacts.forEach((cid, i) => {
          if (!contactIds.has(cid)) ctx.addIssue({ code: 'custom', message: `unknown contact "${cid}"`, path: ['routes', p, 'contacts', i] });
        });
      for (const key of ['rules', 'escalation'] as const)
        a[key].forEach((r, ri) =>
          r.contacts.forEach((cid, i) => {
            if (!contactIds.has(cid)) ctx.addIssue({ code: 'custom', message: `unknown contact "${cid}"`, path: [key, ri, 'contacts', i] });
          }),
        );
    });
}

export function servicesFileSchema(c: SchemaContext | undefined) {
  return z
    .object({
      /** Need id → the label the Contacts tab shows, in display order. */
      needs: z.record(id, z.string().min(1)).refine((n) => Object.keys(n).length > 0, 'declare at least one need'),
      /** Need id → everyday words for it (`services <words>` in chat). */
      needWords: z.record(id, z.array(z.string().min(2)).min(1)).default({}),
      services: z.array(
        z
          .object({
            id,
            name: z.string().min(1),
            description: z.string().min(1),
            phone: dialablePhones.optional(),
            email: z.string().email().optional(),
            web: z.string().min(4).optional(),
            hours: z.string().min(1).optional(),
            needs: z.array(id).min(1),
            authorities: z.array(id).default([]),
            cite: citesSchema(c),
          })
          .strict(),
      ),
    })
    .strict()
    .superRefine((f, ctx) => {
      const needs = new Set(Object.keys(f.needs));
      for (const n of Object.keys(f.needWords))
        if (!needs.has(n)) ctx.addIssue({ code: 'custom', message: `unknown need "${n}" (declare it under needs)`, path: ['needWords', n] });
      f.services.forEach((s, i) =>
        s.needs.forEach((n, j) => {
          if (!needs.has(n)) ctx.addIssue({ code: 'custom', message: `unknown need "${n}" (declare it under needs)`, path: ['services', i, 'needs', j] });
        }),
      );
    });
}
