import cluster from 'node:cluster';
import { createHash, randomBytes } from 'node:crypto';
import pino from 'pino';

/**
 * Operational log: structured JSON lines with levels (pino), ready for Log Analytics. By rule it
 * carries activity types, outcomes, timings and hashed ids only: never message text, card inputs,
 * names or anything a user typed. Ids of activities, conversations and users are replaced by a
 * short salted hash, so a log line cannot be tied back to a Teams conversation; pino's redaction
 * paths back the rule up for any field that should never be there.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** Fields that hold an identifier: logged as a short hash. */
const ID_FIELDS = new Set(['activityId', 'conversationId', 'userId', 'tenantId', 'replyToId']);
/** Fields that would hold what a user typed: never logged, whatever a caller passes. */
export const REDACTED_PATHS = [
  'text',
  'value',
  'description',
  'question',
  'body',
  'answers',
  'carried',
  '*.text',
  '*.value',
  '*.description',
  '*.question',
  '*.body',
];

/**
 * Set by the primary process for its workers only (bot/cluster.ts), so that an id hashes the same
 * whichever worker logs it. Read once at start and removed from the environment.
 */
export const WORKER_SALT_ENV = 'BOT_WORKER_LOG_SALT';

function processSalt(): Buffer {
  const inherited = cluster.isWorker ? process.env[WORKER_SALT_ENV] : undefined;
  delete process.env[WORKER_SALT_ENV];
  return inherited && /^[0-9a-f]{32}$/.test(inherited) ? Buffer.from(inherited, 'hex') : randomBytes(16);
}

const salt = processSalt();

/** A new salt for a primary to give its workers. */
export function newWorkerSalt(): string {
  return randomBytes(16).toString('hex');
}

/** A short, salted, one-way hash of an identifier (the same within a process and its workers, unlinkable outside them). */
export function hashId(id: string): string {
  return createHash('sha256').update(salt).update(id).digest('hex').slice(0, 10);
}

function clean(fields: LogFields = {}): LogFields {
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    out[k] = ID_FIELDS.has(k) && typeof v === 'string' ? hashId(v) : v;
  }
  return out;
}

export function createLogger(destination: pino.DestinationStream = pino.destination(1), level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  const base = pino(
    {
      level,
      base: { service: 'safeguarding-policy-assistant' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      messageKey: 'event',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
  return {
    info: (event, fields) => base.info(clean(fields), event),
    warn: (event, fields) => base.warn(clean(fields), event),
    error: (event, fields) => base.error(clean(fields), event),
  };
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
