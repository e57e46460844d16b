import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';

/**
 * How the bot behaves in channels and group chats, where other people read its replies.
 *
 * - It answers only messages that @mention it. Teams normally delivers only those, but a tenant
 *   can grant the bot every channel message (resource-specific consent), so the rule is checked
 *   here, not assumed. Card submissions carry no mention and are still handled: they come from
 *   the bot's own cards.
 * - Replies go to the thread: the adapter replies to the incoming activity (conversation id
 *   with ";messageid=", replyToId = the message), so nothing extra is needed.
 * - Card widths: answer cards keep `msteams.width: "Full"` in every scope, on purpose. They quote
 *   the policy verbatim (a passage can run to several hundred characters, plus further passages),
 *   and at Teams' standard card width such a card becomes a tall, narrow column that pushes the
 *   rest of a channel thread out of view; full width wraps the same text into fewer, readable
 *   lines in a channel reply or group chat just as in a personal chat, and mobile clients size
 *   cards to the screen either way. The answer is also the same in every scope (tested). Where a
 *   short card suits a shared conversation better, the message extension inserts the compact
 *   citation card (cards/citation-compact.json, standard width) instead.
 * - Triage never happens in a channel: that redirect lives with the triage dialog.
 */

export type ConversationScope = 'personal' | 'channel' | 'groupChat';

export function conversationScope(activity: Partial<Activity>): ConversationScope {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}

/** Channels and group chats: conversations other people read. */
export function isSharedConversation(activity: Partial<Activity>): boolean {
  return conversationScope(activity) !== 'personal';
}

/** Whether the activity @mentions its recipient (the bot). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  if (!botId) return false;
  return TurnContext.getMentions(activity).some((m) => m.mentioned?.id === botId);
}

/**
 * A typed message in a channel or group chat that does not @mention the bot: not addressed to
 * it, so it is ignored (no reply at all). Card submissions are not typed messages.
 */
export function isUnaddressedMessage(activity: Partial<Activity>): boolean {
  if (activity.type !== ActivityTypes.Message || !isSharedConversation(activity)) return false;
  if (activity.value !== undefined && activity.value !== null) return false;
  return !mentionsBot(activity);
}
