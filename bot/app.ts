import { ConversationState, UserState, type Storage } from 'botbuilder';
import type * as restify from 'restify';
import { loadTriageKnowledge } from '../knowledge/triage';
import { joinPrimary } from './cluster';
import { ConfigError, type Config } from './config';
import type { TurnTracker } from './drain';
import { loadEngine, type Engine } from './engine';
import { registerFeatures } from './features';
import { createFeedbackStore } from './feedback/create-store';
import { PolicyBot } from './handler';
import type { Logger } from './log';
import { createServer } from './server';
import { resolveStateSalt } from './state-salt';
import { createStateStore, type StateStore } from './state-store';
import { createStorage } from './storage';
import { createTurnGate } from './turn-gate';

/** The configured store; a setting its client still refuses is a configuration error naming the variable. */
function baseStorage(config: Config, log: Logger): Storage {
  try {
    return createStorage(config.storage, log);
  } catch {
    const variable = config.storage.kind === 'blob' ? 'BLOB_CONNECTION_STRING' : 'STORAGE_DIR';
    throw new ConfigError([`${variable}: the storage client could not use it`]);
  }
}

/** The handler over a state store, with the configured gate (tenants, rate), default authority and triage idle time. */
export function createPolicyBot(config: Config, engine: Engine, store: StateStore, log: Logger): PolicyBot {
  return new PolicyBot({
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
}

/**
 * The whole bot wired from its configuration: engine, state store, handler, features and routes, as
 * a restify server not yet listening. bot/index.ts listens on it (in each worker, with WORKERS); the
 * load benchmark wires the same thing around a stub engine.
 */
export function createApp(config: Config, log: Logger, opts: { engine?: Engine; turns?: TurnTracker } = {}): restify.Server {
  const engine = opts.engine ?? loadEngine();
  if (config.defaultAuthority && !engine.authorities.some((a) => a.id === config.defaultAuthority)) {
    throw new ConfigError([`DEFAULT_AUTHORITY: "${config.defaultAuthority}" is not one of ${engine.authorities.map((a) => a.id).join(', ')}`]);
  }

  const store = createStateStore(baseStorage(config, log), {
    salt: resolveStateSalt(config),
    timeoutMs: config.storageTimeoutMs,
    breaker: config.storageBreaker,
    log,
  });
  const bot = createPolicyBot(config, engine, store, log);

  // Features plug in through bot.registerCommand / registerAction / registerInvoke /
  // setTriageStarter (handler.ts) and route registrars (server.ts); features.ts lists them.
  const extraRoutes = registerFeatures(
    bot,
    { kb: engine.kb, triage: loadTriageKnowledge() },
    { store: createFeedbackStore(config.feedback), championIds: config.championIds, champion: config.champion },
  );
  return createServer({ config, bot, log, extraRoutes, ...(opts.turns ? { turns: opts.turns } : {}), workersReady: joinPrimary(engine) });
}
