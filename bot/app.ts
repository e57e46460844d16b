import { ConversationState, UserState } from 'botbuilder';
import type * as restify from 'restify';
import { loadTriageKnowledge } from '../knowledge/triage';
import { joinPrimary } from './cluster';
import { ConfigError, type Config } from './config';
import { loadEngine, type Engine } from './engine';
import { registerFeatures } from './features';
import { PolicyBot } from './handler';
import type { Logger } from './log';
import { createServer } from './server';
import { createStorage } from './storage';
import { withTimeout } from './storage-timeout';
import { createTurnGate } from './turn-gate';

/**
 * The whole bot wired from its configuration: engine, storage, handler, features and routes, as a
 * restify server not yet listening. bot/index.ts listens on it (in each worker, with WORKERS); the
 * load benchmark wires the same thing around a stub engine.
 */
export function createApp(config: Config, log: Logger, opts: { engine?: Engine } = {}): restify.Server {
  const engine = opts.engine ?? loadEngine();
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
  return createServer({ config, bot, log, extraRoutes, workersReady: joinPrimary(engine) });
}
