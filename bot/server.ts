import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CloudAdapter } from 'botbuilder';
import * as restify from 'restify';
import { projectRoot } from '../knowledge/paths';
import { registerActivityRoute } from './activity-route';
import { createAdapter, createAuth, type BotFrameworkAuthentication } from './adapter';
import type { Config } from './config';
import { createTurnTracker, type TurnTracker } from './drain';
import type { PolicyBot } from './handler';
import { registerErrorBodies } from './http-errors';
import { registerLocalChat } from './local-chat';
import type { Logger } from './log';
import { applySecurityHeaders, inlineSources, pageHeaders } from './security-headers';

/** What a route registrar gets: enough to add the tab, a health detail or any other route. */
export interface RouteContext {
  config: Config;
  /** The handler; its services include the engine (bot.services.engine) for read-only views. */
  bot: PolicyBot;
  adapter: CloudAdapter;
  log: Logger;
}

/** Adds routes to the server (e.g. the library tab under /tab). Runs after the built-in routes. */
export type RouteRegistrar = (server: restify.Server, ctx: RouteContext) => void;

export interface ServerDeps {
  config: Config;
  bot: PolicyBot;
  log: Logger;
  /** Defaults to ConfigurationBotFrameworkAuthentication over config.auth. Tests may pass their own. */
  auth?: BotFrameworkAuthentication;
  extraRoutes?: readonly RouteRegistrar[];
  /** Counts turns in flight and refuses new ones while shutting down (bot/drain.ts). */
  turns?: TurnTracker;
  /** With WORKERS above 1: whether every worker's models are loaded (bot/cluster.ts). */
  workersReady?: () => boolean;
}

/**
 * The restify server with every route registered, not yet listening (tests listen on port 0):
 * POST /api/messages, GET /healthz and /readyz, /privacy and /terms, the local chat page and its Direct Line emulation when
 * enabled, then any extra routes.
 */
export function createServer(deps: ServerDeps): restify.Server {
  const { config, bot, log } = deps;
  const adapter = createAdapter(deps.auth ?? createAuth(config.auth), log);

  const server = restify.createServer({ name: 'safeguarding-policy-assistant' });
  applySecurityHeaders(server);
  registerErrorBodies(server);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 512 * 1024 }));

  registerActivityRoute(server, { adapter, bot, log, turns: deps.turns ?? createTurnTracker() });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: 'ok', auth: config.authDisabled ? 'disabled' : 'enabled', localChat: config.localChat });
  });

  // Ready once every model the answers need is loaded, in every worker (until then answers are lexical
  // only), and storage answers (until then answers work, but settings and triage steps are not kept).
  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    const meaning = bot.services.engine.meaningStatus;
    const reachable = (await bot.services.store?.reachable()) ?? true;
    const workers = deps.workersReady ? { workers: deps.workersReady() ? 'ready' : 'loading' } : {};
    const ready = meaning === 'ready' && reachable && (deps.workersReady?.() ?? true);
    res.send(ready ? 200 : 503, { ready, index: 'loaded', meaning, storage: reachable ? 'reachable' : 'unreachable', ...workers });
  });

  // The manifest's default privacy and terms URLs (an organisation may point them elsewhere).
  for (const page of ['privacy', 'terms']) {
    const html = readFileSync(resolve(projectRoot, `bot/public/${page}.html`), 'utf8');
    const headers = pageHeaders({ styles: inlineSources(html).styles });
    server.get(`/${page}`, async (_req: restify.Request, res: restify.Response) => {
      res.writeHead(200, headers);
      res.end(html);
    });
  }

  if (config.localChat) registerLocalChat(server, { bot, log, startsPerMinute: config.localChatStartsPerMinute });

  const ctx: RouteContext = { config, bot, adapter, log };
  for (const register of deps.extraRoutes ?? []) register(server, ctx);
  return server;
}
