import type { Activity } from 'botbuilder';
import { z } from 'zod';

/**
 * What POST /api/messages accepts, checked before authentication or the bot sees it: the fields
 * every activity must carry (type, channelId, serviceUrl, from.id, conversation.id), and the
 * type of the optional fields the bot and Bot Framework read. Anything else passes through.
 * A refusal names the field, never the value sent.
 */

const id = z.string().min(1);
// The fields the connector's serializer types (a reply echoes `from` as its recipient and the conversation as it is).
const accountFields = { name: z.string().optional(), aadObjectId: z.string().optional(), role: z.string().optional() };
const account = z.object({ id: z.string(), ...accountFields }).loose();
const accounts = z.array(account);
const object = z.object({}).loose();
const TEAMS_NEEDS_CHANNEL_DATA = new Set(['messageUpdate', 'messageDelete']);

const activitySchema = z
  .object({
    type: id,
    channelId: id,
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
    from: z.object({ id, ...accountFields }).loose(),
    conversation: z
      .object({ id, tenantId: z.string().optional(), conversationType: z.string().optional(), isGroup: z.boolean().optional(), ...accountFields })
      .loose(),
    recipient: account.optional(),
    id: z.string().optional(),
    name: z.string().optional(),
    text: z.string().optional(),
    textFormat: z.string().optional(),
    locale: z.string().optional(),
    replyToId: z.string().optional(),
    timestamp: z.string().optional(),
    localTimestamp: z.string().optional(),
    expiration: z.string().optional(),
    channelData: object.optional(),
    entities: z.array(z.object({ type: z.string() }).loose()).optional(),
    attachments: z.array(object).optional(),
    membersAdded: accounts.optional(),
    membersRemoved: accounts.optional(),
    reactionsAdded: z.array(z.object({ type: z.string() }).loose()).optional(),
    reactionsRemoved: z.array(z.object({ type: z.string() }).loose()).optional(),
  })
  .loose()
  .superRefine((a, ctx) => {
    // Teams always sends channelData; Bot Framework's Teams handler reads it for these without checking.
    if (a.channelId === 'msteams' && TEAMS_NEEDS_CHANNEL_DATA.has(a.type) && a.channelData === undefined) {
      ctx.addIssue({ code: 'custom', path: ['channelData'], message: 'required' });
    }
  });

/** How a required field must look; optional fields are only said to have the wrong type. */
const EXPECTED: Record<string, string> = {
  type: 'is required: a non-empty string',
  channelId: 'is required: a non-empty string',
  serviceUrl: 'is required: an http:// or https:// URL',
  from: 'is required: an object with an id',
  'from.id': 'is required: a non-empty string',
  conversation: 'is required: an object with an id',
  'conversation.id': 'is required: a non-empty string',
};

export type ActivityCheck = { ok: true; activity: Activity } | { ok: false; field?: string; message: string };

export const NOT_AN_ACTIVITY = 'The request body must be a JSON object: a Bot Framework activity.';

/** The field an issue is about: its path up to the first array index ("from.id", "membersAdded"). */
function fieldOf(path: readonly PropertyKey[]): string {
  const names: string[] = [];
  for (const key of path) {
    if (typeof key !== 'string') break;
    names.push(key);
  }
  return names.join('.');
}

/** Check a request body; a good one is returned as the activity, with its timestamps as dates (as CloudAdapter does). */
export function checkActivity(body: unknown): ActivityCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, message: NOT_AN_ACTIVITY };
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = fieldOf(issue?.path ?? []);
    if (!field) return { ok: false, message: NOT_AN_ACTIVITY };
    const expected = EXPECTED[field] ?? (issue?.code === 'custom' ? 'is required for this type of activity' : 'has the wrong type');
    return { ok: false, field, message: `Not a valid activity: ${field} ${expected}.` };
  }
  const activity = body as Activity & Record<string, unknown>;
  for (const key of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const value = activity[key] as unknown;
    if (typeof value === 'string') {
      activity[`raw${key[0]!.toUpperCase()}${key.slice(1)}`] = value;
      (activity as Record<string, unknown>)[key] = new Date(value);
    }
  }
  return { ok: true, activity };
}
