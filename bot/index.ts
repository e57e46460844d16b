import './known-warnings';
import { spawn } from 'node:child_process';
import { ConversationState, UserState } from 'botbuilder';
import { loadTriageKnowledge } from '../knowledge/triage';
import { ConfigError, loadConfig, loadDotEnv } from './config';
import { loadEngine } from './engine';
import { registerFeatures } from './features';
import { PolicyBot } from './handler';
import { createLogger } from './log';
import { createServer } from './server';
import { createStorage } from './storage';
import { withTimeout } from './storage-timeout';
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

  const storage = withTimeout(createStorage(config.storage), config.storageTimeoutMs);
  const bot = new PolicyBot({
    engine,
    userState: new UserState(storage),
    conversationState: new ConversationState(storage),
    publicBaseUrl: config.publicBaseUrl,
    defaultAuthority: config.defaultAuthority,
    log,
    gate: createTurnGate({ allowedTenantIds: config.allowedTenantIds, perUserPerMinute: config.rateLimitPerMinute }),
    triageIdleHours: config.triageIdleHours,
  });

  // Features plug in through bot.registerCommand / registerAction / registerInvoke /
  // setTriageStarter (handler.ts) and route registrars (server.ts); features.ts lists them.
  const extraRoutes = registerFeatures(bot, { kb: engine.kb, triage: loadTriageKnowledge() });

  const server = createServer({ config, bot, log, extraRoutes });
  server.listen(config.port, config.host, () => {
    log.info('listening', { host: config.host, port: config.port, storage: config.storage.kind, localChat: config.localChat });
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
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
