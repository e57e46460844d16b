import { z } from 'zod';

/**
 * One local authority (knowledge/authorities/<id>.yaml): id, name and aliases, which is what
 * search and the bot need. The same files also hold the triage data (documents, contacts,
 * routes, rules); `authorityFileSchema` in knowledge/triage/schemas.ts validates the whole
 * file strictly at build time, and this schema keeps only the fields search reads.
 */
export const authoritySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'id must be lower-case letters, digits and hyphens'),
  name: z.string().min(1),
  /** Other ways people write the name in a question ("Stoke", "Staffs"). */
  aliases: z.array(z.string().min(1)).default([]),
});

export type Authority = z.infer<typeof authoritySchema>;
