import { z } from 'zod';

/**
 * zod schema of knowledge/escalation.yaml: the topics an authority's `escalation:` entries are
 * filed under (their schema, `escalationEntrySchema`, is in schemas.ts with the rest of the
 * authority file). An authority records only what its documents say; a topic with no entry is
 * shown as "the documents do not say".
 */

const id = z.string().regex(/^[a-z0-9-]+$/, 'id must be lower-case letters, digits and hyphens');
const words = z.array(z.string().min(2)).min(1);

/** A case-insensitive regular expression over a whole message. */
const messagePattern = z
  .string()
  .min(3)
  .superRefine((p, ctx) => {
    try {
      new RegExp(p, 'iu');
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(err as Error).message}` });
    }
    if (!p.startsWith('^') || !p.endsWith('$')) ctx.addIssue({ code: 'custom', message: 'a pattern must match the whole message (start with ^, end with $)' });
  });

/** knowledge/escalation.yaml: card sections, topics, compare groups and the ways people ask. */
export const escalationTopicsFileSchema = z
  .object({
    sections: z.array(z.object({ id, label: z.string().min(1) }).strict()).min(1),
    topics: z.array(z.object({ id, section: id, label: z.string().min(1), words }).strict()).min(1),
    groups: z.array(z.object({ id, label: z.string().min(1), topics: z.array(id).min(1), words }).strict()).default([]),
    askedAs: z.array(messagePattern).min(1),
  })
  .strict()
  .superRefine((f, ctx) => {
    const sections = new Set(f.sections.map((s) => s.id));
    const topics = new Set(f.topics.map((t) => t.id));
    f.topics.forEach((t, i) => {
      if (!sections.has(t.section)) ctx.addIssue({ code: 'custom', message: `unknown section "${t.section}"`, path: ['topics', i, 'section'] });
    });
    f.groups.forEach((g, i) => {
      if (topics.has(g.id)) ctx.addIssue({ code: 'custom', message: `group "${g.id}" has the id of a topic`, path: ['groups', i, 'id'] });
      g.topics.forEach((t, j) => {
        if (!topics.has(t)) ctx.addIssue({ code: 'custom', message: `unknown topic "${t}"`, path: ['groups', i, 'topics', j] });
      });
    });
  });
export type EscalationTopicsFile = z.infer<typeof escalationTopicsFileSchema>;
