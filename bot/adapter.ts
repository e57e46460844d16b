import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { BotAuthSettings } from './config';
import { MESSAGES } from './handler';
import type { Logger } from './log';

export type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;

/** Bot Framework auth from the configuration. With no MicrosoftAppId, requests are accepted unauthenticated. */
export function createAuth(settings: BotAuthSettings): BotFrameworkAuthentication {
  const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  return new ConfigurationBotFrameworkAuthentication(defined);
}

/** A CloudAdapter whose turn errors are logged (name and message only) and answered with an apology. */
export function createAdapter(auth: BotFrameworkAuthentication, log: Logger): CloudAdapter {
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (turn, error) => {
    log.error('turn-error', {
      type: turn.activity.type,
      activityId: turn.activity.id,
      error: error instanceof Error ? error.name : 'unknown',
      message: error instanceof Error ? error.message.slice(0, 300) : undefined,
    });
    try {
      await turn.sendActivity(MESSAGES.turnError);
    } catch {
      // The channel may be the thing that failed; nothing more to do.
    }
  };
  return adapter;
}
