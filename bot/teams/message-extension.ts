import { resolve } from 'node:path';
import type { Attachment, InvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { citationPreview, compactCitationCard, type CitedPassage, type CompactCardOptions } from '../../cards/citation-compact';
import { loadDataFile } from '../../knowledge/data-file';
import { knowledgeDir } from '../../knowledge/paths';
import type { Engine, RankedAnswer } from '../engine';
import type { PolicyBot } from '../handler';
import { fill, SEARCH_MESSAGES } from '../messages';

/**
 * The Teams message extension: the "Search policy" command in the compose box (manifest
 * composeExtensions, command `searchPolicy`, parameter `query`, initialRun true).
 *
 * - composeExtension/query: with initialRun (or nothing typed) the common topics from
 *   knowledge/common-topics.yaml, each previewing its top passage; otherwise the engine's search,
 *   the asker's authority first, paged with queryOptions skip and count.
 * - composeExtension/selectItem: the chosen passage as a compact citation card, which Teams
 *   inserts into the conversation.
 *
 * Invoke values are validated with zod; a bad one gets a message in the results pane, never an
 * error. Nothing the user typed is logged.
 */

export const SEARCH_COMMAND_ID = 'searchPolicy';
export const QUERY_PARAMETER = 'query';
export const INITIAL_RUN_PARAMETER = 'initialRun';
export const DEFAULT_COUNT = 10;
export const MAX_COUNT = 25;
export const MAX_QUERY_CHARS = 200;
/** Results a search offers at most: enough to page through, bounded so ordering stays cheap. */
export const MAX_RESULTS = 100;

/** What the message extension says; `tooLong` is filled with MAX_QUERY_CHARS. */
export const ME_MESSAGES = { ...SEARCH_MESSAGES, tooLong: fill(SEARCH_MESSAGES.tooLong, { max: MAX_QUERY_CHARS }) };

// ---- common topics -----------------------------------------------------------------------------

export interface CommonTopic {
  /** What the practitioner sees. */
  label: string;
  /** What is searched for it. */
  search: string;
}

const topicsFileSchema = z.strictObject({
  topics: z
    .array(
      z.strictObject({
        label: z.string().trim().min(1).max(80),
        search: z.string().trim().min(1).max(MAX_QUERY_CHARS),
      }),
    )
    .min(1, 'list at least one topic')
    .max(MAX_COUNT, `list at most ${MAX_COUNT} topics (one page)`),
});

export const commonTopicsFile = resolve(knowledgeDir, 'common-topics.yaml');

/** Read and validate the common topics (a KnowledgeFileError names the line on a bad file). */
export function loadCommonTopics(file: string = commonTopicsFile): CommonTopic[] {
  return loadDataFile(file, topicsFileSchema).topics;
}

// ---- invoke values -----------------------------------------------------------------------------

const queryValueSchema = z.looseObject({
  commandId: z.string().min(1),
  parameters: z
    .array(z.looseObject({ name: z.string(), value: z.unknown().optional() }))
    .max(10)
    .optional(),
  queryOptions: z
    .looseObject({
      skip: z.number().int().min(0).max(10_000).optional(),
      count: z.number().int().min(0).max(1_000).optional(),
    })
    .optional(),
});

/** The preview's tap value, sent back as the selectItem value (an object, or the same as JSON text). */
const selectValueSchema = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  },
  z.looseObject({ passageId: z.string().min(1).max(300) }),
);

type ParsedQuery =
  | { kind: 'topics'; skip: number; count: number }
  | { kind: 'search'; query: string; skip: number; count: number }
  | { kind: 'error'; message: string; reason: string };

function readQuery(value: unknown): ParsedQuery {
  const parsed = queryValueSchema.safeParse(value);
  if (!parsed.success) return { kind: 'error', message: ME_MESSAGES.badQuery, reason: 'invalid' };
  const v = parsed.data;
  if (v.commandId !== SEARCH_COMMAND_ID) return { kind: 'error', message: ME_MESSAGES.unknownCommand, reason: 'unknown-command' };
  const skip = v.queryOptions?.skip ?? 0;
  const requested = v.queryOptions?.count;
  const count = Math.min(MAX_COUNT, requested === undefined || requested === 0 ? DEFAULT_COUNT : requested);
  const params = v.parameters ?? [];
  const initialRun = params.some((p) => p.name === INITIAL_RUN_PARAMETER && (p.value === true || p.value === 'true'));
  const raw = params.find((p) => p.name === QUERY_PARAMETER)?.value;
  if (raw !== undefined && raw !== null && typeof raw !== 'string') return { kind: 'error', message: ME_MESSAGES.badQuery, reason: 'invalid' };
  const query = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (initialRun || !query) return { kind: 'topics', skip, count };
  if (query.length > MAX_QUERY_CHARS) return { kind: 'error', message: ME_MESSAGES.tooLong, reason: 'too-long' };
  return { kind: 'search', query, skip, count };
}

// ---- responses ---------------------------------------------------------------------------------

function messageResponse(text: string): InvokeResponse {
  return { status: 200, body: { composeExtension: { type: 'message', text } } };
}

function resultResponse(attachments: Attachment[]): InvokeResponse {
  return { status: 200, body: { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } } };
}

// ---- searching ---------------------------------------------------------------------------------

/** The engine returns at most this many per call; larger pools are fetched in pages. */
const ENGINE_PAGE = 50;

/**
 * An own-authority passage is moved up only if it scores at least this share of the best result:
 * a passage that barely touches the topic should not push a strong answer (national guidance,
 * another authority's procedure) off the first page.
 */
export const OWN_AUTHORITY_MIN_SHARE = 0.6;

/**
 * Up to MAX_RESULTS passages for a query in the engine's order, then stably reordered so the
 * asker's own authority's relevant passages come first (within each group the engine's ranking
 * stands).
 */
export async function searchAskerFirst(engine: Engine, query: string, authority: string | undefined): Promise<{ total: number; items: RankedAnswer[] }> {
  const items: RankedAnswer[] = [];
  let total: number;
  do {
    const page = await engine.search(query, { authority, skip: items.length, count: Math.min(ENGINE_PAGE, MAX_RESULTS - items.length) });
    total = page.total;
    if (page.items.length === 0) break;
    items.push(...page.items);
  } while (items.length < Math.min(total, MAX_RESULTS));
  if (!authority) return { total: items.length, items };
  const floor = (items[0]?.score ?? 0) * OWN_AUTHORITY_MIN_SHARE;
  const promoted = (i: RankedAnswer) => i.citation.authorities.includes(authority) && i.score >= floor;
  return { total: items.length, items: [...items.filter(promoted), ...items.filter((i) => !promoted(i))] };
}

function withPreview(card: Attachment, preview: Attachment): Attachment & { preview: Attachment } {
  return { ...card, preview };
}

// ---- registration ------------------------------------------------------------------------------

export interface MessageExtensionOptions {
  /** Defaults to knowledge/common-topics.yaml, read once here. */
  topics?: readonly CommonTopic[];
}

/** Register composeExtension/query and composeExtension/selectItem on the bot. */
export function registerMessageExtension(bot: PolicyBot, opts: MessageExtensionOptions = {}): PolicyBot {
  const topics = opts.topics ?? loadCommonTopics();
  const { engine, log } = bot.services;
  const cardOptions: CompactCardOptions = { publicBaseUrl: bot.services.publicBaseUrl, authorityName: bot.displayName };
  const examples = topics
    .slice(0, 3)
    .map((t) => t.label)
    .join(', ');

  const resultFor = (item: CitedPassage, title?: string): Attachment =>
    withPreview(compactCitationCard(item, cardOptions), citationPreview(item, { ...cardOptions, title, selectValue: { passageId: item.passage.id } }));

  const topicResults = topicResultsFor(engine, topics, resultFor);

  const onQuery = async (turn: TurnContext): Promise<InvokeResponse> => {
    const q = readQuery(turn.activity.value);
    if (q.kind === 'error') {
      log.warn('compose-rejected', { activityId: turn.activity.id, reason: q.reason });
      return messageResponse(q.message);
    }
    const authority = await bot.getAuthority(turn);
    if (q.kind === 'topics') {
      const all = await topicResults(authority);
      const page = all.slice(q.skip, q.skip + q.count);
      log.info('compose-query', { activityId: turn.activity.id, kind: 'topics', skip: q.skip, count: q.count, results: page.length });
      return resultResponse(page);
    }
    const found = await searchAskerFirst(engine, q.query, authority);
    const page = found.items.slice(q.skip, q.skip + q.count);
    log.info('compose-query', {
      activityId: turn.activity.id,
      kind: 'search',
      skip: q.skip,
      count: q.count,
      total: found.total,
      results: page.length,
    });
    // On the first page say why nothing came; past the end an empty list tells Teams to stop paging.
    if (found.total === 0 && q.skip === 0) return messageResponse(`${ME_MESSAGES.noResults}, for example: ${examples}.`);
    return resultResponse(page.map((item) => resultFor(item)));
  };

  const onSelectItem = async (turn: TurnContext): Promise<InvokeResponse> => {
    const parsed = selectValueSchema.safeParse(turn.activity.value);
    if (!parsed.success) {
      log.warn('compose-rejected', { activityId: turn.activity.id, reason: 'invalid-select' });
      return messageResponse(ME_MESSAGES.badQuery);
    }
    const item = engine.passage(parsed.data.passageId);
    if (!item) {
      log.warn('compose-rejected', { activityId: turn.activity.id, reason: 'unknown-passage' });
      return messageResponse(ME_MESSAGES.staleItem);
    }
    log.info('compose-select', { activityId: turn.activity.id, passage: item.passage.id });
    return resultResponse([compactCitationCard(item, cardOptions)]);
  };

  return bot
    .registerInvoke('composeExtension/query', guarded(log, 'query', onQuery))
    .registerInvoke('composeExtension/selectItem', guarded(log, 'selectItem', onSelectItem));
}

/**
 * The common topics' top passages for an authority. Knowledge is loaded once per process, so the
 * list depends only on the authority; it is cached once meaning is in the ranking (the first,
 * lexical-only list is not kept).
 */
function topicResultsFor(
  engine: PolicyBot['services']['engine'],
  topics: readonly CommonTopic[],
  resultFor: (item: CitedPassage, title?: string) => Attachment,
): (authority: string | undefined) => Promise<Attachment[]> {
  const topicCache = new Map<string, Attachment[]>();
  return async (authority) => {
    const key = authority ?? '';
    let cached = topicCache.get(key);
    if (!cached) {
      const tops = await Promise.all(topics.map(async (t) => ({ t, top: (await searchAskerFirst(engine, t.search, authority)).items[0] })));
      cached = tops.flatMap(({ t, top }) => (top ? [resultFor(top, t.label)] : []));
      if (engine.meaningReady) topicCache.set(key, cached);
    }
    return cached;
  };
}

/** A failure inside a handler is answered in the results pane, not as an HTTP 500. */
function guarded(log: PolicyBot['services']['log'], name: string, handler: (turn: TurnContext) => Promise<InvokeResponse>) {
  return async (turn: TurnContext): Promise<InvokeResponse> => {
    try {
      return await handler(turn);
    } catch (err) {
      log.error('compose-failed', { activityId: turn.activity.id, name, error: err instanceof Error ? err.name : 'unknown' });
      return messageResponse(ME_MESSAGES.failed);
    }
  };
}
