import { z } from 'zod';
import { blobConnectionProblem } from './blob-connection';
import { parseTableConnection } from './feedback/table-store';

/**
 * Every environment variable the project reads, in one schema: the bot (bot/config.ts) and the
 * Teams package (manifest/) each take their part of it. Empty values count as unset.
 */
/** Empty strings in .env files mean "not set", not "set to nothing". */
export const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** true/false/1/0/yes/no/on/off, case-insensitive; empty or missing means "not said". */
export const optionalFlag = optionalText
  .transform((v) => v?.toLowerCase())
  .pipe(
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'must be true or false' })
      .transform((v) => ['true', '1', 'yes', 'on'].includes(v))
      .optional(),
  );

/** A whole number from the environment, `fallback` when unset. */
const wholeNumber = (fallback: number, min: number, max: number, error = 'must be a whole number') =>
  optionalText
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .pipe(z.number({ error }).int(error).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** A comma-separated list of Entra ids (GUIDs); empty means none. */
const guidList = (error: string) =>
  optionalText
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((t) => t.trim().toLowerCase())
            .filter(Boolean)
        : [],
    )
    .pipe(z.array(z.uuid({ error })));

const guid = z.guid({ error: 'must be a GUID such as 1b4f7200-0000-4000-8000-000000000000' });
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });

export const envFields = z.object({
  PORT: optionalText
    .transform((v) => (v === undefined ? 3978 : Number(v)))
    .pipe(z.number({ error: 'must be a port number' }).int('must be a port number').min(0).max(65535)),
  /** The bot's Entra app (client) id; also the bot id in the Teams manifest. */
  MicrosoftAppId: optionalText.pipe(guid.optional()),
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: optionalText.pipe(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional()),
  MicrosoftAppTenantId: optionalText,
  PUBLIC_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional()),
  LOCAL_CHAT: optionalFlag,
  STORAGE: optionalText.pipe(z.enum(['memory', 'file', 'blob']).default('file')),
  STORAGE_DIR: optionalText,
  BLOB_CONNECTION_STRING: optionalText.pipe(
    z
      .string()
      .superRefine((v, ctx) => {
        const problem = blobConnectionProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
  ),
  BLOB_CONTAINER: optionalText.pipe(
    z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/, 'must be a valid Azure container name (3-63 lower-case letters, digits, hyphens)')
      .default('bot-state'),
  ),
  /** The secret that state keys and stored ids are hashed with (bot/state-keys.ts). Never logged. */
  STATE_KEY_SALT: optionalText.pipe(z.string().min(16, 'must be at least 16 characters (e.g. the output of openssl rand -hex 32)').optional()),
  STORAGE_BREAKER_FAILURES: wholeNumber(3, 1, 100),
  STORAGE_BREAKER_OPEN_MS: wholeNumber(30000, 100, 600000, 'must be a number of milliseconds'),
  SHUTDOWN_TIMEOUT_MS: wholeNumber(10000, 0, 120000, 'must be a number of milliseconds'),
  DEFAULT_AUTHORITY: optionalText,
  OPEN_BROWSER: optionalFlag,
  HOST: optionalText.pipe(
    z.union([z.ipv4(), z.ipv6(), z.literal('localhost')], { error: 'must be an IP address (127.0.0.1, 0.0.0.0 …) or localhost' }).optional(),
  ),
  LOCAL_CHAT_UNSAFE: optionalFlag,
  ALLOWED_TENANT_IDS: optionalText
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean)
        : [],
    )
    .pipe(z.array(z.uuid({ error: 'must be a comma-separated list of tenant ids (GUIDs)' }))),
  RATE_LIMIT_PER_MINUTE: optionalText
    .transform((v) => (v === undefined ? 30 : Number(v)))
    .pipe(z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(10000)),
  STORAGE_TIMEOUT_MS: optionalText
    .transform((v) => (v === undefined ? 5000 : Number(v)))
    .pipe(z.number({ error: 'must be a number of milliseconds' }).int().min(100, 'must be at least 100').max(60000)),
  LOCAL_CHAT_STARTS_PER_MINUTE: optionalText
    .transform((v) => (v === undefined ? 20 : Number(v)))
    .pipe(z.number({ error: 'must be a number' }).int('must be a whole number').min(1).max(100000)),
  /** Where feedback, gaps and champion questions are kept (bot/feedback/). */
  FEEDBACK_STORE: optionalText.pipe(z.enum(['memory', 'file', 'table']).optional()),
  FEEDBACK_DIR: optionalText,
  FEEDBACK_TABLE_CONNECTION_STRING: optionalText.pipe(
    z
      .string()
      .superRefine((v, ctx) => {
        const parsed = parseTableConnection(v);
        if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
      })
      .optional(),
  ),
  FEEDBACK_TABLE_NAME: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]{2,62}$/, 'must be a valid Azure table name (3-63 letters and digits, starting with a letter)')
      .default('feedback'),
  ),
  /** Entra object ids of the domestic abuse champions: only they may run `report`. */
  CHAMPION_IDS: guidList('must be a comma-separated list of Entra object ids (GUIDs)'),
  /** The champions' Teams channel (or group chat) that questions for a champion are posted to: both or neither. */
  CHAMPIONS_CONVERSATION_ID: optionalText.pipe(z.string().max(500, 'must be at most 500 characters').optional()),
  CHAMPIONS_SERVICE_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional()),
  /** How a champion's answer is attributed (a role, never a name). */
  CHAMPION_ROLE_LABEL: optionalText.pipe(z.string().max(80, 'must be at most 80 characters').default('Domestic abuse champion')),
  /** Days a question for a champion waits for a reply before it (and the asker's chat reference) is deleted. */
  CHAMPION_QUESTION_DAYS: wholeNumber(14, 1, 90),
  TRIAGE_IDLE_HOURS: optionalText
    .transform((v) => (v === undefined ? 24 : Number(v)))
    .pipe(
      z
        .number({ error: 'must be a number of hours' })
        .min(0.01, 'must be more than 0')
        .max(24 * 30),
    ),
  /** Processes serving requests: a number, or `auto` (one per core where state allows). Default 1. */
  WORKERS: optionalText
    .transform((v) => (v === undefined ? 1 : v.toLowerCase() === 'auto' ? ('auto' as const) : Number(v)))
    .pipe(
      z.union([z.literal('auto'), z.number().int().min(1, 'must be at least 1').max(64, 'must be at most 64')], {
        error: 'must be a whole number from 1 to 64, or auto',
      }),
    ),
  // The Teams app package (npm run package)
  TEAMS_APP_ID: optionalText.pipe(guid.optional()),
  TEAMS_APP_VERSION: optionalText,
  TEAMS_APP_NAME_SUFFIX: optionalText.pipe(z.string().max(10, 'must be at most 10 characters').optional()),
  TEAMS_DEVELOPER_NAME: optionalText.pipe(z.string().max(32, 'must be at most 32 characters').optional()),
  TEAMS_DEVELOPER_URL: optionalText.pipe(httpsUrl.optional()),
  TEAMS_PRIVACY_URL: optionalText.pipe(httpsUrl.optional()),
  TEAMS_TERMS_URL: optionalText.pipe(httpsUrl.optional()),
});
