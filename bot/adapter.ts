import { sep } from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { projectRoot } from '../knowledge/paths';
import type { BotAuthSettings } from './config';
import { MESSAGES } from './messages';
import type { Logger } from './log';
import { StorageError } from './storage-errors';

export type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;

/** Bot Framework auth from the configuration. With no MicrosoftAppId, requests are accepted unauthenticated. */
export function createAuth(settings: BotAuthSettings): BotFrameworkAuthentication {
  const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  return new ConfigurationBotFrameworkAuthentication(defined);
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

/**
 * The channel refused or dropped a reply even after the connector client's own retries (it
 * retries 408, 5xx except 501/505, and connection errors such as ECONNRESET three times with
 * exponential backoff): an apology sent the same way would most likely fail too.
 */
function isChannelFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'RestError';
}

/** A CloudAdapter whose turn errors are logged (name and where it was thrown, never the message) and answered with an apology. */
export function createAdapter(auth: BotFrameworkAuthentication, log: Logger): CloudAdapter {
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (turn, error) => {
    const status = (error as { statusCode?: unknown }).statusCode;
    log.error('turn-error', {
      type: turn.activity.type,
      activityId: turn.activity.id,
      error: error instanceof Error ? error.name : 'unknown',
      at: errorSite(error),
      ...(typeof status === 'number' ? { status } : {}),
    });
    if (isChannelFailure(error)) return;
    try {
      await turn.sendActivity(error instanceof StorageError ? MESSAGES.storageSlow : MESSAGES.turnError);
    } catch {
      // The channel may be the thing that failed; nothing more to do.
    }
  };
  return adapter;
}
