import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { envFields } from './env';
import { projectRoot } from '../knowledge/paths';

const envSchema = envFields.superRefine((env, ctx) => {
  if (env.STORAGE === 'blob' && !env.BLOB_CONNECTION_STRING) {
    ctx.addIssue({ code: 'custom', path: ['BLOB_CONNECTION_STRING'], message: 'is required when STORAGE=blob' });
  }
  if (env.STORAGE === 'blob' && !env.STATE_KEY_SALT) {
    ctx.addIssue({
      code: 'custom',
      path: ['STATE_KEY_SALT'],
      message: 'is required when STORAGE=blob (every instance must hash state keys alike): set a secret such as the output of openssl rand -hex 32',
    });
  }
  if (env.FEEDBACK_STORE === 'table' && !env.FEEDBACK_TABLE_CONNECTION_STRING) {
    ctx.addIssue({ code: 'custom', path: ['FEEDBACK_TABLE_CONNECTION_STRING'], message: 'is required when FEEDBACK_STORE=table' });
  }
  if (Boolean(env.CHAMPIONS_CONVERSATION_ID) !== Boolean(env.CHAMPIONS_SERVICE_URL)) {
    const missing = env.CHAMPIONS_CONVERSATION_ID ? 'CHAMPIONS_SERVICE_URL' : 'CHAMPIONS_CONVERSATION_ID';
    ctx.addIssue({ code: 'custom', path: [missing], message: 'is required when the other CHAMPIONS_ variable is set (the champions channel needs both)' });
  }
  if (env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
  }
  if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppType=SingleTenant' });
  }
  if (env.MicrosoftAppId && env.LOCAL_CHAT === true && env.LOCAL_CHAT_UNSAFE !== true) {
    ctx.addIssue({
      code: 'custom',
      path: ['LOCAL_CHAT'],
      message:
        'cannot be on with MicrosoftAppId set: the local chat talks to the bot without Bot Framework authentication. Set LOCAL_CHAT_UNSAFE=true to do it anyway, on a machine no one else can reach',
    });
  }
});

export interface BotAuthSettings {
  MicrosoftAppId?: string;
  MicrosoftAppPassword?: string;
  MicrosoftAppType?: string;
  MicrosoftAppTenantId?: string;
}

export interface Config {
  port: number;
  /** Passed as-is to ConfigurationBotFrameworkAuthentication. */
  auth: BotAuthSettings;
  /** No app id: /api/messages accepts unauthenticated requests (local use only). */
  authDisabled: boolean;
  /** Base for links in cards ("Open in library"). No trailing slash. */
  publicBaseUrl: string;
  /** Serve the local chat page and its Direct Line emulation. */
  localChat: boolean;
  storage: { kind: 'memory' } | { kind: 'file'; dir: string } | { kind: 'blob'; connectionString: string; container: string };
  defaultAuthority?: string;
  openBrowser: boolean;
  /** The address to listen on: 127.0.0.1 for local use unless HOST says otherwise. */
  host: string;
  /** LOCAL_CHAT with an app id, accepted only because LOCAL_CHAT_UNSAFE=true (start-up warns). */
  localChatUnsafe: boolean;
  /** Activities from other tenants are refused (empty: any tenant). */
  allowedTenantIds: string[];
  /** Messages a user may send a minute before "please slow down". */
  rateLimitPerMinute: number;
  /** Every storage call gives up after this long. */
  storageTimeoutMs: number;
  /** After this many storage faults in a row, storage calls fail at once for `openMs`. */
  storageBreaker: { failures: number; openMs: number };
  /** STATE_KEY_SALT: state keys and stored ids are hashed with it (bot/state-salt.ts says what happens without it). */
  stateKeySalt?: string;
  /** On SIGTERM, how long turns in flight may take to finish before the process exits. */
  shutdownTimeoutMs: number;
  /** An unfinished triage is forgotten after this long without a step. */
  triageIdleHours: number;
  /** New local chat conversations an address may start a minute. */
  localChatStartsPerMinute: number;
  /** Processes serving requests (bot/cluster.ts); more than one only with shared state. */
  workers: number;
  /** Where feedback, gaps and champion questions are kept. */
  feedback: FeedbackStoreConfig;
  /** Entra object ids (lower case) allowed to run `report`. */
  championIds: string[];
  /** "Ask a champion": where questions go, how answers are attributed, how long a question waits. */
  champion: ChampionConfig;
}

export interface ChampionConfig {
  /** The champions' channel; none: the "Ask a champion" button is not offered. */
  channel?: { conversationId: string; serviceUrl: string };
  /** How a champion's answer is attributed, e.g. "Domestic abuse champion" (never a name). */
  roleLabel: string;
  /** Days an unanswered question (and the asker's chat reference) is kept. */
  questionDays: number;
  /** The bot's app id for proactive messages (none in unauthenticated local mode). */
  botAppId?: string;
}

export type FeedbackStoreConfig = { kind: 'memory' } | { kind: 'file'; dir: string } | { kind: 'table'; connectionString: string; table: string };

/** FEEDBACK_STORE, or memory beside memory state and files (under STORAGE_DIR/feedback) otherwise. */
function feedbackConfig(e: z.output<typeof envSchema>): FeedbackStoreConfig {
  const kind = e.FEEDBACK_STORE ?? (e.STORAGE === 'memory' ? 'memory' : 'file');
  if (kind === 'memory') return { kind };
  if (kind === 'table') return { kind, connectionString: e.FEEDBACK_TABLE_CONNECTION_STRING!, table: e.FEEDBACK_TABLE_NAME };
  return { kind, dir: resolve(projectRoot, e.FEEDBACK_DIR ?? join(e.STORAGE_DIR ?? '.data', 'feedback')) };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validate the environment. Throws ConfigError naming every bad variable (never its value). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const e = parsed.data;
  const localChat = e.LOCAL_CHAT ?? !e.MicrosoftAppId;
  const storage: Config['storage'] =
    e.STORAGE === 'memory'
      ? { kind: 'memory' }
      : e.STORAGE === 'blob'
        ? { kind: 'blob', connectionString: e.BLOB_CONNECTION_STRING!, container: e.BLOB_CONTAINER }
        : { kind: 'file', dir: resolve(projectRoot, e.STORAGE_DIR ?? '.data') };
  const feedback = feedbackConfig(e);
  return {
    port: e.PORT,
    auth: {
      MicrosoftAppId: e.MicrosoftAppId,
      MicrosoftAppPassword: e.MicrosoftAppPassword,
      MicrosoftAppType: e.MicrosoftAppType,
      MicrosoftAppTenantId: e.MicrosoftAppTenantId,
    },
    authDisabled: !e.MicrosoftAppId,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT || 3978}`).replace(/\/+$/, ''),
    // The local chat talks to the bot without Bot Framework auth, so with an app id it is opt-in.
    localChat,
    storage,
    defaultAuthority: e.DEFAULT_AUTHORITY,
    openBrowser: e.OPEN_BROWSER ?? true,
    // Unauthenticated or serving the local chat: this machine only, unless HOST says otherwise.
    host: e.HOST ?? (!e.MicrosoftAppId || e.LOCAL_CHAT ? '127.0.0.1' : '0.0.0.0'),
    localChatUnsafe: Boolean(e.MicrosoftAppId && e.LOCAL_CHAT && e.LOCAL_CHAT_UNSAFE),
    allowedTenantIds: e.ALLOWED_TENANT_IDS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    storageTimeoutMs: e.STORAGE_TIMEOUT_MS,
    storageBreaker: { failures: e.STORAGE_BREAKER_FAILURES, openMs: e.STORAGE_BREAKER_OPEN_MS },
    ...(e.STATE_KEY_SALT ? { stateKeySalt: e.STATE_KEY_SALT } : {}),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    triageIdleHours: e.TRIAGE_IDLE_HOURS,
    localChatStartsPerMinute: e.LOCAL_CHAT_STARTS_PER_MINUTE,
    workers: resolveWorkers(e.WORKERS, storage, feedback, localChat),
    feedback,
    championIds: e.CHAMPION_IDS,
    champion: {
      ...(e.CHAMPIONS_CONVERSATION_ID && e.CHAMPIONS_SERVICE_URL
        ? { channel: { conversationId: e.CHAMPIONS_CONVERSATION_ID, serviceUrl: e.CHAMPIONS_SERVICE_URL.replace(/\/+$/, '') } }
        : {}),
      roleLabel: e.CHAMPION_ROLE_LABEL,
      questionDays: e.CHAMPION_QUESTION_DAYS,
      ...(e.MicrosoftAppId ? { botAppId: e.MicrosoftAppId } : {}),
    },
  };
}

/**
 * What keeps more than one worker from sharing the bot's state: memory storage, a memory feedback
 * store and the local chat's Direct Line emulation live inside one process. Undefined when several
 * workers can run.
 */
function singleProcessReason(storage: Config['storage'], feedback: FeedbackStoreConfig, localChat: boolean): string | undefined {
  if (storage.kind === 'memory') return 'STORAGE=memory keeps state inside one process; use file or blob';
  if (feedback.kind === 'memory') return 'FEEDBACK_STORE=memory keeps feedback inside one process; use file or table';
  if (localChat) return 'the local chat keeps its conversations inside one process; set LOCAL_CHAT=false';
  return undefined;
}

/** WORKERS: `auto` is one per core where state allows (else one); a number above 1 must be allowed. */
function resolveWorkers(requested: number | 'auto', storage: Config['storage'], feedback: FeedbackStoreConfig, localChat: boolean): number {
  const reason = singleProcessReason(storage, feedback, localChat);
  if (requested === 'auto') return reason ? 1 : availableParallelism();
  if (requested > 1 && reason) throw new ConfigError([`WORKERS: more than one worker cannot share state here: ${reason}`]);
  return requested;
}

/** Load `.env` from the project root into process.env, if present. Existing variables win. */
export function loadDotEnv(file = resolve(projectRoot, '.env')): boolean {
  if (!existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
}
