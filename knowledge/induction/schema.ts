import { z } from 'zod';
import { citeSchema, type SchemaContext } from '../triage/schemas';

/**
 * zod schema of knowledge/induction/course.yaml. Cross-file checks (a quote is found in a passage,
 * a glossary term or an authority exists) are refinements built from a context, so a bad reference
 * is reported with the file and line like any other error.
 */

export interface CourseContext {
  checkCite: SchemaContext['checkCite'];
  glossaryTerms: ReadonlySet<string>;
  authorityIds: ReadonlySet<string>;
}

const id = z.string().regex(/^[a-z0-9-]+$/, 'id must be lower-case letters, digits and hyphens');
const text = z.string().trim().min(1);

function known(set: ReadonlySet<string>, what: string) {
  return z.string().superRefine((v, ctx) => {
    if (!set.has(v)) ctx.addIssue({ code: 'custom', message: `unknown ${what} "${v}"` });
  });
}

function questionSchema(c: CourseContext) {
  const term = known(c.glossaryTerms, 'glossary term');
  const distractors = z.array(term).min(1).max(3);
  return z.union([
    z.object({ expansion: term, distractors }).strict(),
    z.object({ meaning: term, distractors }).strict(),
    z
      .object({ ask: text, answer: text, distractors: z.array(text).min(1).max(3) })
      .strict()
      .refine((q) => !q.distractors.includes(q.answer) && new Set(q.distractors).size === q.distractors.length, {
        message: 'the answer and the distractors must all be different',
        path: ['distractors'],
      }),
    z.object({ contact: z.literal(true) }).strict(),
  ]);
}

function stepSchema(c: CourseContext) {
  const cite = citeSchema({ checkCite: c.checkCite } as SchemaContext);
  const authority = known(c.authorityIds, 'authority');
  return z
    .object({
      id,
      title: text,
      topic: text,
      cite: cite.optional(),
      /** An authority's own passage for this step. */
      local: z.record(authority, cite).optional(),
      /** Only these authorities see the step. */
      only: z.array(authority).min(1).optional(),
      /** Drawn from the authority's contacts (knowledge/authorities/<id>.yaml). */
      contacts: z.boolean().optional(),
      questions: z.array(questionSchema(c)).min(1).max(2),
    })
    .strict()
    .superRefine((s, ctx) => {
      if (!s.contacts && !s.cite) ctx.addIssue({ code: 'custom', message: 'a step needs a cite (or contacts: true)', path: ['cite'] });
      const contactQuestion = s.questions.some((q) => 'contact' in q);
      if (contactQuestion && !s.contacts) ctx.addIssue({ code: 'custom', message: 'a contact question needs contacts: true', path: ['questions'] });
    });
}

export function courseFileSchema(c: CourseContext) {
  return z
    .object({ title: text, steps: z.array(stepSchema(c)).min(1) })
    .strict()
    .superRefine((f, ctx) => {
      const seen = new Set<string>();
      f.steps.forEach((s, i) => {
        if (seen.has(s.id)) ctx.addIssue({ code: 'custom', message: `step id "${s.id}" is used twice`, path: ['steps', i, 'id'] });
        seen.add(s.id);
      });
    });
}

export type CourseFile = z.infer<ReturnType<typeof courseFileSchema>>;
export type CourseStepData = CourseFile['steps'][number];
export type CourseQuestionData = CourseStepData['questions'][number];
