import type { Activity } from 'botbuilder';
import type { LogFields, Logger } from '../../bot/log';
import { GUIDANCE_REMINDER, trimExcerpt } from '../../cards/citation-compact';
import { validateCard } from '../../cards/validate';
import { DEFAULT_COUNT, MAX_COUNT, MAX_QUERY_CHARS, loadCommonTopics, searchAskerFirst } from '../../bot/teams/message-extension';
import { USER, engine, findNodes, personalMessage, postActivity, startBot, startConnector, type ConnectorListener, type RunningBot } from '../bot/helpers';

interface Thumbnail {
  title: string;
  subtitle: string;
  text: string;
  tap: { type: string; value: { passageId: string } };
}
interface ResultAttachment {
  contentType: string;
  content: Record<string, unknown>;
  preview?: { contentType: string; content: Thumbnail };
}
interface ComposeBody {
  composeExtension: { type: 'result' | 'message'; attachmentLayout?: string; attachments?: ResultAttachment[]; text?: string };
}

/** A word no passage and no log line would contain by chance: proves query text is not logged. */
const CANARY = 'zebracanary';

let bot: RunningBot;
let connector: ConnectorListener;
const logged: string[] = [];
const capture: Logger = {
  info: (event: string, fields?: LogFields) => void logged.push(`${event} ${JSON.stringify(fields ?? {})}`),
  warn: (event: string, fields?: LogFields) => void logged.push(`${event} ${JSON.stringify(fields ?? {})}`),
  error: (event: string, fields?: LogFields) => void logged.push(`${event} ${JSON.stringify(fields ?? {})}`),
};

beforeAll(async () => {
  connector = await startConnector();
  bot = await startBot({ log: capture });
});

afterAll(async () => {
  await bot.close();
  await connector.close();
});

function invokeActivity(name: string, value: unknown, userId = USER.id): Partial<Activity> {
  return { ...personalMessage(connector.serviceUrl, undefined, { from: { ...USER, id: userId } }), type: 'invoke', name, value };
}

async function invoke(name: string, value: unknown, userId = USER.id): Promise<ComposeBody> {
  const res = await postActivity(bot.url, invokeActivity(name, value, userId));
  expect(res.status).toBe(200);
  return JSON.parse(res.body) as ComposeBody;
}

function query(text: string | undefined, opts: { skip?: number; count?: number; userId?: string } = {}) {
  return invoke(
    'composeExtension/query',
    {
      commandId: 'searchPolicy',
      parameters: text === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: text }],
      ...(opts.skip !== undefined || opts.count !== undefined ? { queryOptions: { skip: opts.skip, count: opts.count } } : {}),
    },
    opts.userId,
  );
}

function results(body: ComposeBody): ResultAttachment[] {
  expect(body.composeExtension.type).toBe('result');
  expect(body.composeExtension.attachmentLayout).toBe('list');
  return body.composeExtension.attachments ?? [];
}

const passageIds = (atts: ResultAttachment[]) => atts.map((a) => a.preview!.content.tap.value.passageId);

async function setAuthority(userId: string, authority: string) {
  const res = await postActivity(
    bot.url,
    personalMessage(connector.serviceUrl, undefined, { from: { ...USER, id: userId }, value: { verb: 'setAuthority', authority } }),
  );
  expect(res.status).toBe(200);
  expect(
    connector
      .take()
      .map((r) => r.activity.text ?? '')
      .join('\n'),
  ).toContain('Your authority is now');
}

test('initialRun lists the common topics, each a preview with a compact card that validates', async () => {
  const topics = loadCommonTopics();
  const atts = results(await query(undefined, { skip: 0, count: 25 }));
  expect(atts.map((a) => a.preview!.content.title)).toEqual(topics.map((t) => t.label));
  for (const a of atts) {
    expect(a.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(validateCard(a.content)).toEqual([]);
    expect(a.preview!.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(a.preview!.content.tap.type).toBe('invoke');
  }
  // An empty query box is the same as the initial run.
  expect(passageIds(results(await query('   ', { count: 25 })))).toEqual(passageIds(atts));
});

test("a query puts the asker's authority first", async () => {
  const e = engine();
  await e.whenReady();
  const candidates = loadCommonTopics().map((t) => t.search);
  // A query whose best passage overall is not authority A's, while A has a relevant one.
  let pick: { q: string; a: (typeof e.authorities)[number] } | undefined;
  for (const q of candidates) {
    for (const a of e.authorities) {
      const plain = (await e.search(q, { count: 1 })).items[0];
      const mine = (await searchAskerFirst(e, q, a.id)).items[0];
      if (plain && mine && !plain.citation.authorities.includes(a.id) && mine.citation.authorities.includes(a.id)) pick ??= { q, a };
    }
  }
  expect(pick).toBeDefined();
  const { q, a } = pick!;
  const owner = (att: ResultAttachment) => att.preview!.content.subtitle.split(' · ').pop()!.split(', ');

  const userId = '29:me-authority-user';
  await setAuthority(userId, a.id);
  const mine = results(await query(q, { userId }));
  expect(mine.length).toBeGreaterThan(0);
  expect(owner(mine[0]!)).toContain(a.name);
  for (const att of mine) {
    expect(att.preview!.content.title).not.toBe('');
    expect(att.preview!.content.subtitle).toMatch(/ · /);
    expect(validateCard(att.content)).toEqual([]);
  }

  // Someone without an authority gets the engine's own order.
  const anyone = results(await query(q, { userId: '29:me-no-authority' }));
  expect(owner(anyone[0]!)).not.toContain(a.name);
});

test('paging: skip and count give the next page with no overlap; count is defaulted and capped', async () => {
  const q = 'early help';
  const first = passageIds(results(await query(q, { skip: 0, count: 10 })));
  const second = passageIds(results(await query(q, { skip: 10, count: 10 })));
  expect(first).toHaveLength(10);
  expect(second).toHaveLength(10);
  expect(second.filter((id) => first.includes(id))).toEqual([]);
  expect(passageIds(results(await query(q, { skip: 0, count: 20 })))).toEqual([...first, ...second]);

  expect(results(await query(q))).toHaveLength(DEFAULT_COUNT);
  expect(results(await query(q, { count: 100 }))).toHaveLength(MAX_COUNT);
  // Past the end: an empty list, so Teams stops asking.
  expect(results(await query(q, { skip: 5000, count: 10 }))).toEqual([]);
});

describe('a bad invoke value gets a clear message, never an error', () => {
  test.each([
    ['not an object', 'just text'],
    ['no command id', { parameters: [{ name: 'query', value: 'MARAC' }] }],
    ['parameters not a list', { commandId: 'searchPolicy', parameters: 'MARAC' }],
    ['query not text', { commandId: 'searchPolicy', parameters: [{ name: 'query', value: { $ne: 1 } }] }],
    ['negative skip', { commandId: 'searchPolicy', parameters: [{ name: 'query', value: 'MARAC' }], queryOptions: { skip: -1, count: 10 } }],
    ['count as text', { commandId: 'searchPolicy', parameters: [{ name: 'query', value: 'MARAC' }], queryOptions: { skip: 0, count: 'ten' } }],
  ])('%s', async (_name, value) => {
    const body = await invoke('composeExtension/query', value);
    expect(body.composeExtension.type).toBe('message');
    expect(body.composeExtension.text).toMatch(/could not read that search/);
  });

  test('an unknown command', async () => {
    const body = await invoke('composeExtension/query', { commandId: 'launchRocket', parameters: [] });
    expect(body.composeExtension).toEqual({ type: 'message', text: expect.stringMatching(/not available/) });
  });

  test('a query that is too long', async () => {
    const body = await query('marac '.repeat(60));
    expect(body.composeExtension.type).toBe('message');
    expect(body.composeExtension.text).toContain(String(MAX_QUERY_CHARS));
  });

  test('a query that matches nothing suggests topics', async () => {
    const body = await query(`${CANARY} xylophone`);
    expect(body.composeExtension.type).toBe('message');
    expect(body.composeExtension.text).toContain(loadCommonTopics()[0]!.label);
  });

  test('selectItem with a bad or unknown value', async () => {
    expect((await invoke('composeExtension/selectItem', { nothing: true })).composeExtension.type).toBe('message');
    const stale = await invoke('composeExtension/selectItem', { passageId: 'no-such-document#1' });
    expect(stale.composeExtension.text).toMatch(/no longer in the library/);
  });
});

test('selectItem returns the compact citation card, which validates', async () => {
  const [first] = results(await query('safety planning'));
  const value = first!.preview!.content.tap.value;
  const body = await invoke('composeExtension/selectItem', value);
  const [card] = results(body);
  expect(card!.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(validateCard(card!.content)).toEqual([]);
  expect(card!.content).toEqual(first!.content);

  const text = JSON.stringify(card!.content);
  expect(text).toContain(GUIDANCE_REMINDER);
  expect(text).toMatch(/Source: .+ · issued /);
  expect((card!.content as { msteams?: unknown }).msteams).toBeUndefined();
  const [open] = findNodes(card!.content, (n) => n.type === 'Action.OpenUrl');
  expect(open!.title).toBe('Open in library');
  expect(open!.url).toMatch(/^https:\/\/policy\.example\.org\/tab\/library#.+/);

  // The value may also arrive as JSON text.
  const again = results(await invoke('composeExtension/selectItem', JSON.stringify(value)));
  expect(again[0]!.content).toEqual(card!.content);
});

test('the query text is never logged', () => {
  expect(logged.length).toBeGreaterThan(0);
  expect(logged.some((l) => l.startsWith('compose-query'))).toBe(true);
  for (const line of logged) {
    expect(line).not.toContain(CANARY);
    expect(line).not.toContain('safety planning');
  }
});

describe('trimExcerpt', () => {
  test('short text is kept whole', () => {
    expect(trimExcerpt('A short passage.')).toEqual({ text: 'A short passage.', trimmed: false });
  });
  test('long text is cut at a sentence or word break, within the limit', () => {
    const long = `${'The social worker must record the referral. '.repeat(30)}`;
    const out = trimExcerpt(long, 200);
    expect(out.trimmed).toBe(true);
    expect(out.text.length).toBeLessThanOrEqual(200);
    expect(out.text).toMatch(/referral\. …$/);
    const words = trimExcerpt('word '.repeat(100), 50);
    expect(words.text).toMatch(/word…$/);
  });
});
