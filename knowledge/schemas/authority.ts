import { z } from 'zod';

/**
 * One local authority (knowledge/authorities/<id>.yaml). The triage fields (contacts, routes,
 * rules, services) extend this schema; id, name and aliases are what search and the bot need.
 */
export const authoritySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'id must be lower-case letters, digits and hyphens'),
  name: z.string().min(1),
  /** Other ways people write the name in a question ("Stoke", "Staffs"). */
  aliases: z.array(z.string().min(1)).default([]),
});

export type Authority = z.infer<typeof authoritySchema>;
