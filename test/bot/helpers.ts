import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStorage, type Activity, type Attachment, type Storage } from 'botbuilder';
import type { Server } from 'restify';
import type { BotFrameworkAuthentication } from '../../bot/adapter';
import { loadConfig, type Config } from '../../bot/config';
import { loadEngine, type Engine } from '../../bot/engine';
import type { PolicyBot } from '../../bot/handler';
import { silentLogger, type Logger } from '../../bot/log';
import { createServer, type RouteRegistrar } from '../../bot/server';
import { registerFeatures } from '../../bot/features';
import { createFeedbackStore } from '../../bot/feedback/create-store';
import type { FeedbackStore } from '../../bot/feedback/records';
import { sharedTriager } from '../../bot/triage';
import { loadTriageKnowledge } from '../../knowledge/triage';

let sharedEngine: Engine | undefined;
/** The real engine over build/knowledge, loaded once per test file. */
import { createPolicyBot } from '../../bot/app';
import { createStateStore, type StateStore } from '../../bot/state-store';
import { createStateIds } from '../../bot/state-keys';
import { createTurnTracker, type TurnTracker } from '../../bot/drain';

/** The salt the test bots hash state keys with, unless a test sets STATE_KEY_SALT (fixed, so state outlives a restart). */
export const TEST_STATE_SALT = 'test-state-key-salt-0123456789';

export function engine(): Engine {
  sharedEngine ??= loadEngine();
  return sharedEngine;
}

export interface RunningBot {
  url: string;
  bot: PolicyBot;
  server: Server;
  /** The state store as the bot uses it (hashed keys, breaker, timeout) over the base store. */
  store: StateStore;
  /** Turns in flight, for shutdown (bot/drain.ts). */
  turns: TurnTracker;
  /** Where feedback and gaps went (memory unless the test gave a store or FEEDBACK_STORE). */
  feedback: FeedbackStore;
  /** The key a Bot Framework state key is stored under ("msteams/conversations/<id>/" → "msteams/conversations/<hash>"). */
  storedKey(rawKey: string): string;
  close(): Promise<void>;
}

/** Start the real server on port 0 with MemoryStorage (unless given) and the real engine, wired as bot/index.ts wires it. */
export async function startBot(
  opts: {
    env?: Record<string, string>;
    storage?: Storage;
    extraRoutes?: RouteRegistrar[];
    setup?: (bot: PolicyBot) => void;
    bare?: boolean;
    log?: Logger;
    /** Bot Framework auth built from the loaded configuration (default: from config.auth, as in production). */
    auth?: (config: Config) => BotFrameworkAuthentication;
    feedbackStore?: FeedbackStore;
    /** The clock the feedback feature stamps records and report links with. */
    now?: () => Date;
  } = {},
): Promise<RunningBot> {
  // A test file sends far more than a person types in a minute: the rate applies only where a test sets it.
  const config = loadConfig({ STORAGE: 'memory', PUBLIC_BASE_URL: 'https://policy.example.org', RATE_LIMIT_PER_MINUTE: '10000', ...opts.env });
  // Answers and triage use meaning once the encoder has loaded; tests compare against that engine.
  await Promise.all([engine().whenReady(), sharedTriager().whenReady()]);
  const log = opts.log ?? silentLogger;
  const salt = config.stateKeySalt ?? TEST_STATE_SALT;
  const store = createStateStore(opts.storage ?? new MemoryStorage(), { salt, timeoutMs: config.storageTimeoutMs, breaker: config.storageBreaker, log });
  const bot = createPolicyBot(config, engine(), store, log);
  // Wired as bot/index.ts wires it; `bare` keeps only the core handler, for tests of its seams.
  const feedback = opts.feedbackStore ?? createFeedbackStore(config.feedback);
  const featureRoutes = opts.bare
    ? []
    : registerFeatures(
        bot,
        { kb: bot.services.engine.kb, triage: loadTriageKnowledge() },
        { store: feedback, championIds: config.championIds, champion: config.champion, ...(opts.now ? { now: opts.now } : {}) },
      );
  opts.setup?.(bot);
  const turns = createTurnTracker();
  const server = createServer({
    config,
    bot,
    log,
    turns,
    auth: opts.auth?.(config),
    extraRoutes: [...featureRoutes, ...(opts.extraRoutes ?? [])],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bot,
    server,
    store,
    turns,
    feedback,
    storedKey: (rawKey) => createStateIds(salt).key(rawKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface CapturedReply {
  method: string;
  /** Decoded conversation id from the URL. */
  conversationId: string;
  /** The activity id in the URL (reply-to for POST, the updated activity for PUT). */
  replyToId?: string;
  activity: Partial<Activity>;
}

/** A stand-in for the channel: the bot's replies to serviceUrl land here. */
export interface ConnectorListener {
  serviceUrl: string;
  replies: CapturedReply[];
  /** Bodies of POST /v3/conversations (the bot opening a conversation, e.g. a 1:1 chat); answered with id `created-<n>`. */
  created: Record<string, unknown>[];
  /** Forget what was captured so far. */
  take(): CapturedReply[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startConnector(): Promise<ConnectorListener> {
  const replies: CapturedReply[] = [];
  const created: Record<string, unknown>[] = [];
  let n = 0;
  const server: HttpServer = createHttpServer(async (req, res) => {
    const body = await readBody(req);
    if (req.method === 'POST' && /^\/v3\/conversations\/?(?:\?|$)/.test(req.url ?? '')) {
      created.push(JSON.parse(body || '{}') as Record<string, unknown>);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: `created-${created.length}` }));
      return;
    }
    const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    if (m) {
      replies.push({
        method: req.method ?? '',
        conversationId: decodeURIComponent(m[1]!),
        replyToId: m[2] ? decodeURIComponent(m[2]) : undefined,
        activity: JSON.parse(body || '{}') as Partial<Activity>,
      });
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: `reply-${++n}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}`,
    replies,
    created,
    take: () => replies.splice(0, replies.length),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let activityCounter = 0;

export const BOT = { id: '28:policy-bot', name: 'Policy Assistant' };
export const USER = { id: '29:user-1', name: 'Practitioner', aadObjectId: '00000000-0000-0000-0000-000000000001' };

/** A Teams personal-chat message (or card submission when `value` is given). */
export function personalMessage(serviceUrl: string, text: string | undefined, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    id: `msg-${++activityCounter}`,
    timestamp: new Date(),
    channelId: 'msteams',
    serviceUrl,
    from: USER,
    recipient: BOT,
    conversation: { id: 'a:personal-conversation', conversationType: 'personal', isGroup: false, name: '' },
    text,
    ...extra,
  };
}

/**
 * Post an activity to the bot and return the replies that reached the connector listener.
 * CloudAdapter answers the POST only after the turn, so every reply has arrived by then.
 */
export async function sendToBot(bot: RunningBot, connector: ConnectorListener, activity: Partial<Activity>): Promise<CapturedReply[]> {
  const res = await postActivity(bot.url, activity);
  if (res.status !== 200) throw new Error(`the bot answered ${res.status}: ${res.body}`);
  return connector.take();
}

export async function postActivity(url: string, activity: Partial<Activity>, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  return { status: res.status, body: await res.text() };
}

/** POST a raw body (not necessarily JSON) to /api/messages. */
export async function postRaw(
  url: string,
  body: string,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
): Promise<{ status: number; body: string }> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers, body });
  return { status: res.status, body: await res.text() };
}

/** Adaptive Card contents among the captured replies. */
export function cardsIn(replies: CapturedReply[]): Record<string, unknown>[] {
  return replies.flatMap((r) =>
    ((r.activity.attachments ?? []) as Attachment[])
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((a) => a.content as Record<string, unknown>),
  );
}

/** Every string in a card, joined: what a reader would see (plus button titles). */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (typeof n === 'string') out.push(n);
    else if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') Object.values(n).forEach(walk);
  };
  walk(card);
  return out.join(' ');
}

/** Depth-first search for nodes in a card. */
export function findNodes(card: unknown, pred: (n: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      if (pred(n as Record<string, unknown>)) found.push(n as Record<string, unknown>);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/**
 * The usual set-up of an HTTP test file: a connector listener and the fully wired bot, started
 * once for the file and closed after it, with captured replies cleared before each test.
 */
export function useBotAndConnector(opts: Parameters<typeof startBot>[0] = {}): { bot: RunningBot; connector: ConnectorListener } {
  const running = {} as { bot: RunningBot; connector: ConnectorListener };
  beforeAll(async () => {
    running.connector = await startConnector();
    running.bot = await startBot(opts);
  });
  afterAll(async () => {
    await running.bot?.close();
    await running.connector?.close();
  });
  beforeEach(() => running.connector.take());
  return running;
}
