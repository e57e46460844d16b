import './known-warnings';
import { spawn } from 'node:child_process';
import { ConversationState, UserState, type Storage } from 'botbuilder';
import { loadTriageKnowledge } from '../knowledge/triage';
import { errorSite } from './adapter';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config';
import { createTurnTracker, exitGracefullyOnSignals } from './drain';
import { loadEngine } from './engine';
import { registerFeatures } from './features';
import { createFeedbackStore } from './feedback/create-store';
import { PolicyBot } from './handler';
import { createLogger } from './log';
import { createServer } from './server';
import { createStorage } from './storage';
import { resolveStateSalt } from './state-salt';
import { createStateStore } from './state-store';
import { createTurnGate } from './turn-gate';

const log = createLogger();

function openBrowser(url: string): void {
  // Best effort, dev only: never let a missing opener or display affect start-up.
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay || process.env.CI) return;
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // ignore
  }
}

/** The configured store; a setting its client still refuses is a configuration error naming the variable. */
function baseStorage(config: Config): Storage {
  try {
    return createStorage(config.storage, log);
  } catch {
    const variable = config.storage.kind === 'blob' ? 'BLOB_CONNECTION_STRING' : 'STORAGE_DIR';
    throw new ConfigError([`${variable}: the storage client could not use it`]);
  }
}

function main(): void {
  loadDotEnv();
  const config = loadConfig();
  if (config.localChatUnsafe) {
    console.warn(
      'LOCAL_CHAT is on with MicrosoftAppId set (LOCAL_CHAT_UNSAFE=true): the local chat bypasses Bot Framework authentication. Never expose this server.',
    );
  }
  if (config.authDisabled) {
    console.warn('Authentication is OFF: no MicrosoftAppId is set, so /api/messages accepts unauthenticated requests. Use this only on your own machine.');
  }

  const engine = loadEngine();
  if (config.defaultAuthority && !engine.authorities.some((a) => a.id === config.defaultAuthority)) {
    throw new ConfigError([`DEFAULT_AUTHORITY: "${config.defaultAuthority}" is not one of ${engine.authorities.map((a) => a.id).join(', ')}`]);
  }

  const store = createStateStore(baseStorage(config), {
    salt: resolveStateSalt(config),
    timeoutMs: config.storageTimeoutMs,
    breaker: config.storageBreaker,
    log,
  });
  const bot = new PolicyBot({
    engine,
    userState: new UserState(store.storage),
    conversationState: new ConversationState(store.storage),
    store,
    publicBaseUrl: config.publicBaseUrl,
    defaultAuthority: config.defaultAuthority,
    log,
    gate: createTurnGate({ allowedTenantIds: config.allowedTenantIds, perUserPerMinute: config.rateLimitPerMinute }),
    triageIdleHours: config.triageIdleHours,
  });

  // Features plug in through bot.registerCommand / registerAction / registerInvoke /
  // setTriageStarter (handler.ts) and route registrars (server.ts); features.ts lists them.
  const extraRoutes = registerFeatures(
    bot,
    { kb: engine.kb, triage: loadTriageKnowledge() },
    { store: createFeedbackStore(config.feedback), championIds: config.championIds, champion: config.champion },
  );

  const turns = createTurnTracker();
  const server = createServer({ config, bot, log, extraRoutes, turns });
  exitGracefullyOnSignals({ server, turns, timeoutMs: config.shutdownTimeoutMs, log });
  server.listen(config.port, config.host, () => {
    log.info('listening', {
      host: config.host,
      port: config.port,
      storage: config.storage.kind,
      feedback: config.feedback.kind,
      champions: config.championIds.length,
      localChat: config.localChat,
    });
    if (config.localChat) {
      const url = `http://localhost:${config.port}/`;
      console.log(`Local chat: ${url}`);
      if (config.openBrowser) openBrowser(url);
    }
  });
}

try {
  main();
} catch (err) {
  // Never the stack or the error's own fields (Node prints a bad URL's input, which may be a secret):
  // settings are checked before anything uses them, so what is left is a missing build or a bug.
  const what = err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error';
  console.error(err instanceof ConfigError ? err.message : `Start-up failed: ${what} (at ${errorSite(err) ?? 'unknown'})`);
  process.exit(1);
}
