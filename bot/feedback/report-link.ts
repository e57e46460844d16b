import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The CSV download link the report card carries. The tab has no user identity of its own (no
 * Teams single sign-on), so the link is the proof: it names a champion only as a keyed hash, says
 * for how many days, expires after LINK_MINUTES and is signed. At download the champion must still
 * be on CHAMPION_IDS. Whoever holds a live link can use it, so it is shown only in the champion's
 * own reply and dies quickly.
 */

export const LINK_MINUTES = 15;
export const MAX_REPORT_DAYS = 365;
export const DEFAULT_REPORT_DAYS = 30;
export const CSV_PATH = '/tab/feedback/report.csv';

/** A keyed one-way function (HMAC with the state salt in the bot; a per-process key otherwise). */
export type Signer = (text: string) => string;

export function processSigner(): Signer {
  const key = randomBytes(32);
  return (text) => createHmac('sha256', key).update(text).digest('hex').slice(0, 32);
}

export interface Champions {
  /** Whether an Entra object id is on the list (case-insensitive). */
  has(objectId: string | undefined): boolean;
  /** The stand-in for a champion in a link (never the object id itself). */
  tokenOf(objectId: string): string;
  /** Whether a link's stand-in still belongs to someone on the list. */
  hasToken(token: string): boolean;
}

export function createChampions(ids: readonly string[], sign: Signer): Champions {
  const list = new Set(ids.map((id) => id.trim().toLowerCase()));
  const tokenOf = (id: string) => sign(`champion:${id.trim().toLowerCase()}`);
  const tokens = new Set([...list].map(tokenOf));
  return { has: (id) => id !== undefined && list.has(id.trim().toLowerCase()), tokenOf, hasToken: (t) => tokens.has(t) };
}

const linkQuery = z.object({
  days: z.coerce.number().int().min(1).max(MAX_REPORT_DAYS),
  expires: z.coerce.number().int().positive(),
  who: z.string().regex(/^[0-9a-f]{16,64}$/),
  sig: z.string().regex(/^[0-9a-f]{16,64}$/),
});

const signed = (sign: Signer, days: number, expires: number, who: string) => sign(`report-csv:${days}:${expires}:${who}`);

/** The download link for a champion, `days` days, from `now`. */
export function reportLink(opts: { base: string; sign: Signer; who: string; days: number; now: Date }): string {
  const expires = Math.floor(opts.now.getTime() / 1000) + LINK_MINUTES * 60;
  const sig = signed(opts.sign, opts.days, expires, opts.who);
  return `${opts.base}${CSV_PATH}?days=${opts.days}&expires=${expires}&who=${opts.who}&sig=${sig}`;
}

/** The days a link asks for, or why it is refused: malformed, forged, expired, or its champion no longer on the list. */
export function checkLink(query: unknown, opts: { sign: Signer; champions: Champions; now: Date }): { days: number } | { refused: 'bad' | 'denied' } {
  const parsed = linkQuery.safeParse(query);
  if (!parsed.success) return { refused: 'bad' };
  const { days, expires, who, sig } = parsed.data;
  const expected = Buffer.from(signed(opts.sign, days, expires, who));
  const given = Buffer.from(sig);
  const genuine = expected.length === given.length && timingSafeEqual(expected, given);
  if (!genuine || expires * 1000 < opts.now.getTime() || !opts.champions.hasToken(who)) return { refused: 'denied' };
  return { days };
}
