import type { ChampionConfig } from '../config';
import type { FeedbackStore } from '../feedback/records';
import type { PolicyBot } from '../handler';
import type { ChatReference, ChampionStore } from './store';

/** What the parts of "Ask a champion" share. */
export interface ChampionDeps {
  bot: PolicyBot;
  store: ChampionStore;
  /** Where a 'champion-question' record is noted (no user id; the question redacted). */
  feedback: FeedbackStore;
  /** Whether an Entra object id is on CHAMPION_IDS. */
  isChampion(objectId: string | undefined): boolean;
  config: ChampionConfig;
  now: () => Date;
}

/** "15 April 2025" (UTC). */
export function longDate(iso: string | Date): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The champions' channel as a reference to send to, with the asker's channel, tenant and bot. */
export function championsChannel(channel: NonNullable<ChampionConfig['channel']>, from: ChatReference): ChatReference {
  return {
    channelId: from.channelId,
    serviceUrl: channel.serviceUrl,
    conversation: {
      id: channel.conversationId,
      conversationType: 'channel',
      ...(from.conversation.tenantId ? { tenantId: from.conversation.tenantId } : {}),
    },
    bot: from.bot,
  };
}
