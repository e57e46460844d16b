import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ConfigurationBotFrameworkAuthentication, type Activity, type ActivityHandlerBase, type CloudAdapter } from 'botbuilder';
import { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Request, Response, Server } from 'restify';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';
import { projectRoot } from '../knowledge/paths';
import { createAdapter } from './adapter';
import type { Logger } from './log';
import { inlineSources, pageHeaders } from './security-headers';

/**
 * The local chat page and a small Direct Line 3.0-compatible API for it, so `npm start` gives
 * a chat in the browser with no Azure and no Teams.
 *
 * Web Chat → POST /v3/directline/... → this module → the bot, in process, with serviceUrl
 * pointing back at this server → the bot replies through the standard connector routes
 * (POST/PUT /v3/conversations/:cid/activities...) → stored → Web Chat polls GET activities.
 *
 * Conversations live in memory only, are bounded in number and length, and are never logged.
 *
 * Sealed: the connector routes accept only the bot's own replies, which carry a secret made for
 * this process (nothing else knows it, so no one can post, replace or delete a message in someone
 * else's chat); conversations are only ever dropped when idle, never to make room; and new
 * conversations are rate-limited per address.
 */

export interface LocalChatOptions {
  bot: ActivityHandlerBase;
  log: Logger;
  /** Oldest conversations are dropped beyond this many. */
  maxConversations?: number;
  /** Oldest activities of a conversation are dropped beyond this many. */
  maxActivities?: number;
  /** Conversations idle longer than this are dropped. */
  idleMinutes?: number;
  /** New conversations an address may start a minute. */
  startsPerMinute?: number;
}

/** Credentials for the bot's replies to this server: the per-process secret as a bearer token. */
class LocalSecretCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly secret: string) {
    super();
  }
  isValidAppId(): Promise<boolean> {
    return Promise.resolve(true);
  }
  isAuthenticationDisabled(): Promise<boolean> {
    return Promise.resolve(true);
  }
  createCredentials(): ReturnType<ServiceClientCredentialsFactory['createCredentials']> {
    const secret = this.secret;
    const credentials = {
      signRequest<R extends { headers: { set(name: string, value: string): void } }>(webResource: R): Promise<R> {
        webResource.headers.set('authorization', `Bearer ${secret}`);
        return Promise.resolve(webResource);
      },
    };
    return Promise.resolve(credentials as unknown as Awaited<ReturnType<ServiceClientCredentialsFactory['createCredentials']>>);
  }
}

function sameSecret(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const LOCAL_BOT = { id: 'safeguarding-policy-assistant', name: 'Safeguarding Policy Assistant', role: 'bot' } as const;
const TOKEN_SECONDS = 3600;

export const chatPagePath = resolve(projectRoot, 'bot/public/chat.html');
export const webChatBundlePath = resolve(projectRoot, 'node_modules/botframework-webchat/dist/webchat.js');

interface StoredActivity {
  seq: number;
  activity: Partial<Activity>;
}

interface LocalConversation {
  id: string;
  token: string;
  userId: string;
  started: boolean;
  seq: number;
  lastTimestamp: number;
  touched: number;
  activities: StoredActivity[];
}

const userIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const generateBody = z
  .object({ user: z.object({ id: userIdSchema.optional() }).loose().optional() })
  .loose()
  .optional();

/** What the page may send. Identity, routing and timestamps are set by this server, never taken from the client. */
const inboundActivity = z
  .object({
    type: z.enum(['message', 'event', 'typing']),
    text: z.string().max(4000).optional(),
    textFormat: z.string().max(20).optional(),
    locale: z.string().max(35).optional(),
    name: z.string().max(200).optional(),
    value: z.unknown().optional(),
    attachments: z.array(z.unknown()).max(10).optional(),
    channelData: z
      .object({ clientActivityID: z.string().max(200).optional() })
      .loose()
      .optional(),
  })
  .loose();

/** What the bot may send back through the connector routes. */
const outboundActivity = z.object({ type: z.string().min(1).max(64) }).loose();

/**
 * The Entra object id a local chat user stands in with: a GUID made from their local user id (sha256, laid out as a
 * version-5-style UUID with the RFC 4122 variant), the same every time for the same id. Local mode only: it lets a
 * developer put their own local user on CHAMPION_IDS to try `report` and the champions' side of "Ask a champion".
 */
export function localObjectId(userId: string): string {
  const b = createHash('sha256').update(`spa-local-user:${userId}`).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function newId(): string {
  return randomBytes(16).toString('base64url');
}

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}

export class LocalChat {
  private readonly conversations = new Map<string, LocalConversation>();
  private readonly adapter: CloudAdapter;
  private readonly maxConversations: number;
  private readonly maxActivities: number;
  private readonly idleMs: number;
  /** Sent by the bot with every reply; required by the connector routes. */
  private readonly secret = randomBytes(32).toString('base64url');
  private readonly starts: RateLimiterMemory;

  constructor(
    private readonly server: Server,
    private readonly opts: LocalChatOptions,
  ) {
    // Its own adapter: the page has no Bot Framework token, whether or not /api/messages enforces
    // auth. Its replies are signed with this process's secret.
    this.adapter = createAdapter(new ConfigurationBotFrameworkAuthentication({}, new LocalSecretCredentialsFactory(this.secret)), opts.log);
    this.maxConversations = opts.maxConversations ?? 100;
    this.maxActivities = opts.maxActivities ?? 300;
    this.idleMs = (opts.idleMinutes ?? 120) * 60_000;
    this.starts = new RateLimiterMemory({ points: opts.startsPerMinute ?? 10, duration: 60 });
  }

  /** This server's own address: where the bot sends its replies. */
  private serviceUrl(): string {
    const address = this.server.address() as AddressInfo | string | null;
    const port = address && typeof address === 'object' ? address.port : 3978;
    return `http://127.0.0.1:${port}`;
  }

  /** Drop idle conversations only: a full table refuses new ones rather than evicting live chats. */
  private expire(now: number): void {
    for (const [id, c] of this.conversations) {
      if (now - c.touched > this.idleMs) this.conversations.delete(id);
    }
  }

  private create(userId?: string): LocalConversation | undefined {
    const now = Date.now();
    this.expire(now);
    if (this.conversations.size >= this.maxConversations) return undefined;
    const c: LocalConversation = {
      id: newId(),
      token: newId(),
      userId: userId ?? `local-${newId()}`,
      started: false,
      seq: 0,
      lastTimestamp: 0,
      touched: now,
      activities: [],
    };
    this.conversations.set(c.id, c);
    return c;
  }

  /** Look up a conversation and touch it (most recently used last in the map). */
  private touch(id: string): LocalConversation | undefined {
    const c = this.conversations.get(id);
    if (!c) return undefined;
    c.touched = Date.now();
    this.conversations.delete(id);
    this.conversations.set(id, c);
    return c;
  }

  private authorised(req: Request, res: Response): LocalConversation | undefined {
    const c = this.touch(String(req.params.cid));
    if (!c) {
      sendError(res, 404, 'BadArgument', 'Conversation not found or expired. Reload the page to start again.');
      return undefined;
    }
    if (bearer(req) !== c.token) {
      sendError(res, 403, 'TokenExpired', 'Token does not match this conversation.');
      return undefined;
    }
    return c;
  }

  /** Append (or replace in place, keeping its position and timestamp) an activity; returns its id. */
  private store(c: LocalConversation, activity: Partial<Activity>, replaceId?: string): string {
    c.seq += 1;
    const existing = replaceId ? c.activities.findIndex((s) => s.activity.id === replaceId) : -1;
    if (existing >= 0) {
      const previous = c.activities[existing]!.activity;
      // Web Chat replaces an activity it already shows when one with the same id arrives again.
      c.activities.splice(existing, 1);
      c.activities.push({ seq: c.seq, activity: { ...activity, id: previous.id, timestamp: previous.timestamp } });
      return previous.id!;
    }
    // Strictly increasing timestamps: Web Chat orders by them.
    const time = Math.max(Date.now(), c.lastTimestamp + 1);
    c.lastTimestamp = time;
    const id = `${c.id}|${String(c.seq).padStart(7, '0')}`;
    c.activities.push({ seq: c.seq, activity: { ...activity, id, timestamp: new Date(time) } });
    if (c.activities.length > this.maxActivities) c.activities.splice(0, c.activities.length - this.maxActivities);
    return id;
  }

  private conversationResponse(c: LocalConversation) {
    return { conversationId: c.id, token: c.token, expires_in: TOKEN_SECONDS };
  }

  private baseActivity(c: LocalConversation): Partial<Activity> {
    return {
      channelId: 'directline',
      serviceUrl: this.serviceUrl(),
      conversation: { id: c.id, conversationType: 'personal', isGroup: false, name: 'local chat' },
      from: { id: c.userId, name: 'You', role: 'user', aadObjectId: localObjectId(c.userId) },
      recipient: { ...LOCAL_BOT },
    };
  }

  private async toBot(activity: Partial<Activity>): Promise<void> {
    await this.adapter.processActivityDirect('', activity as Activity, (turn) => this.opts.bot.run(turn));
  }

  /** Start a conversation: tell the bot the user and the bot joined, so it sends its welcome. */
  private async start(c: LocalConversation): Promise<void> {
    if (c.started) return;
    c.started = true;
    await this.toBot({
      ...this.baseActivity(c),
      type: 'conversationUpdate',
      id: newId(),
      timestamp: new Date(),
      membersAdded: [
        { id: c.userId, name: 'You', aadObjectId: localObjectId(c.userId) },
        { id: LOCAL_BOT.id, name: LOCAL_BOT.name },
      ],
    });
  }

  register(): void {
    const s = this.server;
    const page = chatPageHeaders();
    s.get('/', async (_req: Request, res: Response) => sendFile(res, chatPagePath, 'text/html; charset=utf-8', page));
    s.get('/webchat.js', async (_req: Request, res: Response) => sendFile(res, webChatBundlePath, 'application/javascript; charset=utf-8'));
    s.get('/favicon.ico', async (_req: Request, res: Response) => void res.send(204));
    this.registerConversationStarts();
    this.registerDirectLine();
    this.registerConnector();
  }

  /** True (and answered 429) when this address has started too many conversations this minute. */
  private async limited(req: Request, res: Response): Promise<boolean> {
    try {
      await this.starts.consume(req.socket.remoteAddress ?? 'unknown');
      return false;
    } catch {
      res.setHeader('Retry-After', '60');
      sendError(res, 429, 'TooManyRequests', 'Too many new conversations from this address. Wait a minute and try again.');
      return true;
    }
  }

  /** Direct Line: a token, a conversation (started with the bot), a token refresh. */
  private registerConversationStarts(): void {
    const s = this.server;
    const log = this.opts.log;
    const full = (res: Response) => sendError(res, 503, 'TooManyConversations', 'The local chat is busy. Try again in a few minutes.');
    const limited = (req: Request, res: Response) => this.limited(req, res);

    s.post('/v3/directline/tokens/generate', async (req: Request, res: Response) => {
      const body = generateBody.safeParse(req.body ?? undefined);
      if (!body.success) return sendError(res, 400, 'BadArgument', 'user.id must be 1-64 letters, digits, "-" or "_".');
      if (await limited(req, res)) return;
      const c = this.create(body.data?.user?.id);
      if (!c) return full(res);
      res.send(200, this.conversationResponse(c));
    });

    s.post('/v3/directline/conversations', async (req: Request, res: Response) => {
      const token = bearer(req);
      let c = [...this.conversations.values()].find((x) => x.token === token);
      if (!c) {
        if (await limited(req, res)) return;
        c = this.create();
        if (!c) return full(res);
      }
      try {
        await this.start(c);
      } catch (err) {
        log.error('local-chat-start-failed', { error: err instanceof Error ? err.name : 'unknown' });
        return sendError(res, 502, 'BotError', 'The bot failed to start the conversation.');
      }
      res.send(201, this.conversationResponse(c));
    });

    s.post('/v3/directline/tokens/refresh', async (req: Request, res: Response) => {
      const token = bearer(req);
      const c = [...this.conversations.values()].find((x) => x.token === token);
      if (!c) return sendError(res, 403, 'TokenExpired', 'Unknown token.');
      this.touch(c.id);
      res.send(200, this.conversationResponse(c));
    });
  }

  /** Direct Line: the conversation, its activities since a watermark, and the user's new activity. */
  private registerDirectLine(): void {
    const s = this.server;
    const log = this.opts.log;

    s.get('/v3/directline/conversations/:cid', async (req: Request, res: Response) => {
      const c = this.authorised(req, res);
      if (c) res.send(200, this.conversationResponse(c));
    });

    s.get('/v3/directline/conversations/:cid/activities', async (req: Request, res: Response) => {
      const c = this.authorised(req, res);
      if (!c) return;
      const watermark = Number((req.query as Record<string, unknown> | undefined)?.watermark ?? 0) || 0;
      const activities = c.activities.filter((a) => a.seq > watermark).map((a) => a.activity);
      res.send(200, { activities, watermark: String(c.seq) });
    });

    s.post('/v3/directline/conversations/:cid/activities', async (req: Request, res: Response) => {
      const c = this.authorised(req, res);
      if (!c) return;
      const parsed = inboundActivity.safeParse(req.body);
      if (!parsed.success) return sendError(res, 400, 'BadArgument', 'Not a valid activity: it needs a type of message, event or typing.');
      const activity: Partial<Activity> = { ...(parsed.data as Partial<Activity>), ...this.baseActivity(c) };
      if (activity.type === 'typing') return res.send(200, { id: newId() });
      // Echo the user's own activity: Web Chat marks a message sent when it comes back with an id.
      const id = this.store(c, activity);
      try {
        await this.toBot({ ...activity, id, timestamp: new Date() });
      } catch (err) {
        log.error('local-chat-forward-failed', { error: err instanceof Error ? err.name : 'unknown' });
        return sendError(res, 502, 'BotError', 'The bot failed to process the activity.');
      }
      res.send(200, { id });
    });
  }

  /**
   * Standard connector routes: where the bot's replies arrive (serviceUrl is this server). Only
   * the bot, which signs its replies with this process's secret, may use them.
   */
  private registerConnector(): void {
    const s = this.server;
    const onlyTheBot = (req: Request, res: Response): boolean => {
      if (sameSecret(bearer(req), this.secret)) return true;
      sendError(res, 401, 'Unauthorized', 'Only the bot may post to this conversation.');
      return false;
    };
    const fromBot = (replace: boolean) => async (req: Request, res: Response) => {
      if (!onlyTheBot(req, res)) return;
      const c = this.touch(String(req.params.cid));
      if (!c) return sendError(res, 404, 'ConversationNotFound', 'Conversation not found or expired.');
      const parsed = outboundActivity.safeParse(req.body);
      if (!parsed.success) return sendError(res, 400, 'BadArgument', 'Not a valid activity.');
      const activity: Partial<Activity> = { ...(parsed.data as Partial<Activity>), from: { ...LOCAL_BOT } };
      const id = this.store(c, activity, replace ? String(req.params.activityId) : undefined);
      res.send(200, { id });
    };
    s.post('/v3/conversations/:cid/activities', fromBot(false));
    s.post('/v3/conversations/:cid/activities/:activityId', fromBot(false));
    s.put('/v3/conversations/:cid/activities/:activityId', fromBot(true));
    s.del('/v3/conversations/:cid/activities/:activityId', async (req: Request, res: Response) => {
      if (!onlyTheBot(req, res)) return;
      const c = this.touch(String(req.params.cid));
      if (c) c.activities = c.activities.filter((a) => a.activity.id !== String(req.params.activityId));
      res.send(200, {});
    });
  }
}

/**
 * The chat page's own inline script runs (by its hash) and nothing injected does. Web Chat adds its
 * styles at run time, so inline styles are allowed on this development page, and draws some
 * images from blob: URLs it makes itself.
 */
function chatPageHeaders(): Record<string, string> {
  const { scripts } = inlineSources(readFileSync(chatPagePath, 'utf8'));
  return pageHeaders({ scripts, styles: ["'unsafe-inline'"], images: ['blob:'] });
}

/** Stream a file, served as-is (the page and the Web Chat bundle: nothing is fetched from a CDN). */
export async function sendFile(res: Response, file: string, type: string, headers: Record<string, string> = {}): Promise<void> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    res.send(404, { error: { code: 'NotFound', message: 'File not found.' } });
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': size, 'Cache-Control': 'no-cache' });
  try {
    await pipeline(createReadStream(file), res);
  } catch {
    // The client closed the connection (a browser navigating away, `Connection: close`): the
    // headers are sent, so there is nothing to answer. Rejecting here would make restify try to
    // send an error response on top, which throws ERR_HTTP_HEADERS_SENT and ends the process.
    res.destroy();
  }
}

/** Register the local chat page and its Direct Line emulation on a restify server. */
export function registerLocalChat(server: Server, opts: LocalChatOptions): LocalChat {
  const chat = new LocalChat(server, opts);
  chat.register();
  return chat;
}
