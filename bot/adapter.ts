import { sep } from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { projectRoot } from '../knowledge/paths';
import type { BotAuthSettings } from './config';
import { MESSAGES } from './messages';
import type { Logger } from './log';
import { ReusedConnectors } from './reused-connectors';
import { StorageTimeoutError } from './storage-timeout';

export type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;

/**
 * Bot Framework auth from the configuration. With no MicrosoftAppId, requests are accepted
 * unauthenticated. The connector clients replies go through are reused between turns.
 */
export function createAuth(settings: BotAuthSettings): BotFrameworkAuthentication {
  const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  return new ReusedConnectors(new ConfigurationBotFrameworkAuthentication(defined));
}

/**
 * Where an error was thrown ("bot/handler.ts:120:7", relative to the project), from the first stack frame. Used instead of
 * the error's message, which may quote what the user typed (parsers and validators echo their input).
 */
export function errorSite(error: unknown): string | undefined {
  if (!(error instanceof Error) || !error.stack) return undefined;
  const frame = error.stack.split('\n').find((line) => /^\s+at /.test(line));
  const site = frame?.match(/\(?([^()\s]+:\d+:\d+)\)?\s*$/)?.[1];
  return site?.startsWith(`${projectRoot}${sep}`) ? site.slice(projectRoot.length + 1) : site;
}

/** A CloudAdapter whose turn errors are logged (name and where it was thrown, never the message) and answered with an apology. */
export function createAdapter(auth: BotFrameworkAuthentication, log: Logger): CloudAdapter {
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (turn, error) => {
    log.error('turn-error', {
      type: turn.activity.type,
      activityId: turn.activity.id,
      error: error instanceof Error ? error.name : 'unknown',
      at: errorSite(error),
    });
    try {
      await turn.sendActivity(error instanceof StorageTimeoutError ? MESSAGES.storageSlow : MESSAGES.turnError);
    } catch {
      // The channel may be the thing that failed; nothing more to do.
    }
  };
  return adapter;
}
