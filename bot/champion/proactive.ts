import { CloudAdapterBase, type Activity, type ConversationReference, type TurnContext } from 'botbuilder';
import type { ChatReference } from './store';

/** The part of botframework-connector's ClaimsIdentity used here (botbuilder does not re-export it). */
interface Claims {
  getClaimValue(type: string): string | null;
}
/** AuthenticationConstants.AudienceClaim: the app id a channel token was issued for. */
const AUDIENCE_CLAIM = 'aud';

/**
 * Proactive messages (a conversation other than the turn's own) through the turn's adapter:
 * CloudAdapter.continueConversationAsync with a stored reference. The app id is the configured
 * MicrosoftAppId; without one (unauthenticated local mode) the audience of the turn's identity,
 * which is empty there and is what the adapter accepts.
 */

/** Where the turn came from, as a reference to send to later: channel, service URL, conversation and bot, nothing else. */
export function chatReferenceOf(turn: TurnContext): ChatReference {
  const a = turn.activity;
  const tenantId = a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return {
    channelId: a.channelId,
    serviceUrl: a.serviceUrl,
    conversation: {
      id: a.conversation.id,
      ...(a.conversation.conversationType ? { conversationType: a.conversation.conversationType } : {}),
      ...(tenantId ? { tenantId } : {}),
    },
    bot: { id: a.recipient.id, ...(a.recipient.name ? { name: a.recipient.name } : {}) },
  };
}

function adapterOf(turn: TurnContext): CloudAdapterBase {
  if (!(turn.adapter instanceof CloudAdapterBase)) throw new Error('this adapter cannot send proactive messages');
  return turn.adapter;
}

function appIdFor(turn: TurnContext, adapter: CloudAdapterBase, configured: string | undefined): string {
  if (configured) return configured;
  return turn.turnState.get<Claims | undefined>(adapter.BotIdentityKey)?.getClaimValue(AUDIENCE_CLAIM) ?? '';
}

/** Run `logic` in the referenced conversation (a new message there, never a reply to the continuation's made-up id). */
async function inConversation(
  turn: TurnContext,
  reference: ChatReference,
  botAppId: string | undefined,
  logic: (ctx: TurnContext) => Promise<void>,
): Promise<void> {
  const adapter = adapterOf(turn);
  await adapter.continueConversationAsync(appIdFor(turn, adapter, botAppId), reference as Partial<ConversationReference>, async (ctx) => {
    (ctx.activity as { id?: string }).id = undefined;
    await logic(ctx);
  });
}

/** Send one activity to the referenced conversation; returns its id there. Throws when the channel refuses. */
export async function sendProactive(
  turn: TurnContext,
  reference: ChatReference,
  botAppId: string | undefined,
  activity: Partial<Activity>,
): Promise<string | undefined> {
  let id: string | undefined;
  await inConversation(turn, reference, botAppId, async (ctx) => {
    id = (await ctx.sendActivity(activity))?.id;
  });
  return id;
}

/** Replace an activity the bot sent earlier in the referenced conversation. Throws when the channel refuses. */
export async function updateProactive(
  turn: TurnContext,
  reference: ChatReference,
  botAppId: string | undefined,
  activity: Partial<Activity> & { id: string },
): Promise<void> {
  await inConversation(turn, reference, botAppId, async (ctx) => {
    await ctx.updateActivity(activity);
  });
}
