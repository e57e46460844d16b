import { CloudAdapterBase, type ChannelAccount, type ConversationParameters, type TurnContext } from 'botbuilder';

/** The part of botframework-connector's ClaimsIdentity used here (botbuilder does not re-export it). */
interface Claims {
  getClaimValue(type: string): string | null;
}
/** AuthenticationConstants.AudienceClaim: the app id a channel token was issued for. */
const AUDIENCE_CLAIM = 'aud';

/**
 * Open a 1:1 chat with the sender of `turn` (a channel or group chat message) and run `logic`
 * with a turn context for it, so the dialog can send its first card there.
 *
 * Uses the connector's create-conversation call (POST {serviceUrl}/v3/conversations) with the
 * user's id and AAD object id, the tenant from the channel data, and the bot as sender. Teams
 * returns the existing 1:1 chat when there is one. Throws when the channel refuses (for example
 * when the app is not installed for the user), so the caller can say so in the thread.
 */
export async function inPersonalChat(turn: TurnContext, logic: (personal: TurnContext) => Promise<void>): Promise<void> {
  const adapter = turn.adapter;
  if (!(adapter instanceof CloudAdapterBase)) throw new Error('this adapter cannot create conversations');
  const a = turn.activity;
  if (!a.from?.id || !a.recipient?.id || !a.serviceUrl) throw new Error('the activity has no user, bot or service URL');
  const channelData = (a.channelData ?? {}) as { tenant?: { id?: string } };
  const tenantId = channelData.tenant?.id ?? a.conversation?.tenantId;

  const member: Partial<ChannelAccount> = { id: a.from.id, ...(a.from.aadObjectId ? { aadObjectId: a.from.aadObjectId } : {}) };
  const parameters: Partial<ConversationParameters> = {
    isGroup: false,
    bot: { id: a.recipient.id, name: a.recipient.name ?? '' },
    members: [member as ChannelAccount],
    ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
  };

  // The app id the channel addressed (the token's audience); empty when auth is off (local use).
  const identity = turn.turnState.get<Claims | undefined>(adapter.BotIdentityKey);
  const botAppId = identity?.getClaimValue(AUDIENCE_CLAIM) ?? '';
  // Undefined lets the connector use its configured default scope.
  const audience = turn.turnState.get<string | undefined>(adapter.OAuthScopeKey);

  await adapter.createConversationAsync(botAppId, a.channelId, a.serviceUrl, audience as string, parameters as ConversationParameters, async (personal) => {
    // The adapter gives the new turn an activity id equal to the conversation id; without this,
    // the first card would be sent as a "reply" to an activity that does not exist.
    (personal.activity as { id?: string }).id = undefined;
    await logic(personal);
  });
}
