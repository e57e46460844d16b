import type { Activity } from 'botbuilder';
import fc from 'fast-check';
import { MESSAGES } from '../../bot/messages';
import { cardText, cardsIn, personalMessage, postActivity, postRaw, startBot, startConnector, type ConnectorListener, type RunningBot } from './helpers';

/**
 * A few thousand random and mutated activities, invokes and card submissions through the real
 * endpoint: none gets a 5xx or makes a turn fail, a refusal is always one of the fixed bodies,
 * and afterwards a policy question is still answered with a card.
 */

/** Batches of activities sent at once; runs × batch is the number sent. */
const RUNS = 150;
const BATCH = 16;

let bot: RunningBot;
let connector: ConnectorListener;
/** Events the bot logged as failures (turn errors, a request that threw). */
const failures: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  connector = await startConnector();
  const quiet = () => undefined;
  bot = await startBot({ log: { info: quiet, warn: quiet, error: (event, fields) => void failures.push(`${event} ${JSON.stringify(fields ?? {})}`) } });
  process.on('unhandledRejection', onUnhandled);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await bot?.close();
  await connector?.close();
});

// ---- what is sent ------------------------------------------------------------------------------

const json = fc.jsonValue({ maxDepth: 3 });
const word = fc.string({ maxLength: 24 });
const users = fc.constantFrom('29:fuzz-a', '29:fuzz-b', '29:fuzz-c');
const conversations = fc.constantFrom(
  { id: 'a:fuzz-personal', conversationType: 'personal' },
  { id: '19:fuzz@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true },
  { id: '19:fuzz-group@thread.v2', conversationType: 'groupChat', isGroup: true },
);

/** Typed messages: commands, a few words, or anything at all. */
const typed = fc.oneof(
  fc.constantFrom(
    'help',
    'hi',
    'triage',
    "I'm worried about a neighbour's kids",
    'set authority',
    'set authority nowhere',
    'glossary',
    'glossary zz',
    'cancel',
    '',
  ),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

const VERBS = ['setAuthority', 'showSetAuthority', 'help', 'startTriage', 'ask', 'showPassage'];
const TRIAGE_VERBS = ['triage.start', 'triage.describe', 'triage.confirm', 'triage.restart', 'triage.ask'];

/** What a card button may send: a known verb with fields of any shape, or anything at all. */
const submission = fc.oneof(
  fc.record(
    {
      verb: fc.oneof(fc.constantFrom(...VERBS, ...TRIAGE_VERBS), word),
      dialogId: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{8,12}$/), json),
      authority: fc.oneof(fc.constantFrom('camden', 'sutton', ''), json),
      danger: fc.oneof(fc.constantFrom('yes', 'no'), json),
      question: json,
      passageId: json,
      description: fc.oneof(fc.string({ maxLength: 80 }), json),
    },
    { requiredKeys: ['verb'] },
  ),
  json,
);

const INVOKES = [
  'composeExtension/query',
  'composeExtension/selectItem',
  'composeExtension/fetchTask',
  'composeExtension/submitAction',
  'task/fetch',
  'task/submit',
  'adaptiveCard/action',
  'application/search',
  'signin/verifyState',
  'config/fetch',
  'tab/fetch',
  'fileConsent/invoke',
  'actionableMessage/executeAction',
];
const invokeValue = fc.oneof(
  json,
  fc.record({
    commandId: fc.oneof(fc.constant('searchPolicy'), word, json),
    parameters: fc.oneof(fc.array(fc.record({ name: fc.oneof(fc.constantFrom('query', 'initialRun'), word), value: json })), json),
    queryOptions: fc.oneof(fc.record({ skip: json, count: json }), json),
  }),
  fc.record({ passageId: fc.oneof(word, json) }),
  fc.record({ action: fc.oneof(fc.record({ type: fc.oneof(fc.constant('Action.Execute'), word), verb: word, data: json }), json) }),
);

const TYPES = [
  'message',
  'invoke',
  'conversationUpdate',
  'event',
  'messageReaction',
  'installationUpdate',
  'typing',
  'endOfConversation',
  'messageUpdate',
  'messageDelete',
];

/** Fields an activity may have, set to anything (serviceUrl only ever to this connector or nonsense). */
const mutation = fc.oneof(
  fc.tuple(
    fc.constantFrom(
      'type',
      'channelId',
      'from',
      'from.id',
      'from.aadObjectId',
      'conversation',
      'conversation.id',
      'conversation.tenantId',
      'conversation.conversationType',
      'recipient',
      'recipient.id',
      'text',
      'value',
      'name',
      'entities',
      'attachments',
      'membersAdded',
      'membersRemoved',
      'reactionsAdded',
      'channelData',
      'locale',
      'timestamp',
      'replyToId',
      'id',
    ),
    fc.oneof(json, fc.constant(undefined)),
  ),
  fc.tuple(fc.constant('serviceUrl'), fc.oneof(fc.constantFrom('not a url', '', 'javascript:alert(1)'), json)),
  fc.tuple(fc.constant('channelId'), fc.constantFrom('msteams', 'directline', 'webchat', 'emulator', 'slack')),
);

function mutate(activity: Record<string, unknown>, [path, value]: [string, unknown]): Record<string, unknown> {
  const [top, inner] = path.split('.') as [string, string | undefined];
  if (!inner) return { ...activity, [top]: value };
  const parent = activity[top];
  return { ...activity, [top]: parent && typeof parent === 'object' && !Array.isArray(parent) ? { ...parent, [inner]: value } : value };
}

/** One activity: typed, submitted, invoked or of another type, then possibly mutated. */
function activityArbitrary(serviceUrl: string): fc.Arbitrary<Record<string, unknown>> {
  const base = (extra: Partial<Activity>) =>
    fc.tuple(users, conversations).map(([user, conversation]) => ({
      ...personalMessage(serviceUrl, undefined, { from: { id: user, name: 'Fuzz' }, conversation: { name: '', ...conversation } as Activity['conversation'] }),
      ...extra,
    }));
  const kinds = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(base({}), typed).map(([a, text]) => ({ ...a, text })) },
    { weight: 4, arbitrary: fc.tuple(base({}), submission).map(([a, value]) => ({ ...a, value })) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(base({ type: 'invoke' }), fc.oneof(fc.constantFrom(...INVOKES), word), invokeValue)
        .map(([a, name, value]) => ({ ...a, name, value })),
    },
    { weight: 1, arbitrary: fc.tuple(base({}), fc.oneof(fc.constantFrom(...TYPES), word), json).map(([a, type, value]) => ({ ...a, type, value })) },
  );
  return fc.tuple(kinds, fc.array(mutation, { maxLength: 3 })).map(([activity, mutations]) => mutations.reduce(mutate, activity as Record<string, unknown>));
}

// ---- what comes back ---------------------------------------------------------------------------

/** A refusal names at most a field of the schema, never a value: one of these bodies. */
const REFUSAL =
  /^\{"error":\{"code":"[A-Za-z]+","message":"(?:The request body [^"]*|Not a valid activity: [A-Za-z]+(?:\.[A-Za-z]+)? (?:is required[^"]*|has the wrong type)\.)"\}\}$/;

/** An invoke's error answer: Bot Framework's error format with one of the bot's own sentences. */
function isInvokeError(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { type?: unknown; value?: { message?: unknown } };
    return parsed.type === 'application/vnd.microsoft.error' && Object.values(MESSAGES).includes(parsed.value?.message as string);
  } catch {
    return false;
  }
}

async function send(activity: Record<string, unknown>, cut: number | undefined): Promise<void> {
  const body = JSON.stringify(activity);
  const res = cut === undefined ? await postActivity(bot.url, activity as Partial<Activity>) : await postRaw(bot.url, body.slice(0, cut));
  if (res.status >= 500) throw new Error(`${res.status} for ${body.slice(0, 300)}`);
  if (res.status >= 400 && !REFUSAL.test(res.body) && !isInvokeError(res.body)) throw new Error(`unexpected ${res.status} body ${res.body.slice(0, 200)}`);
}

test('random and mutated activities get no 5xx, break no turn, and the bot still answers', async () => {
  const sent = { count: 0 };
  // A few are sent cut short (not JSON any more).
  const item = fc.tuple(activityArbitrary(connector.serviceUrl), fc.option(fc.nat({ max: 400 }), { freq: 10 }));
  await fc.assert(
    fc.asyncProperty(fc.array(item, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
      await Promise.all(batch.map(([activity, cut]) => send(activity, cut ?? undefined)));
      sent.count += batch.length;
      connector.take();
      connector.created.splice(0);
      // Checked per batch, so a failure shrinks to the activity that caused it.
      if (failures.length > 0) throw new Error(`the bot logged ${failures.splice(0).join('; ')}`);
      if (unhandled.length > 0) throw new Error(`unhandled rejection: ${String(unhandled.splice(0)[0])}`);
    }),
    { numRuns: RUNS },
  );
  expect(sent.count).toBeGreaterThanOrEqual(2000);

  const res = await postActivity(bot.url, personalMessage(connector.serviceUrl, 'what is MARAC'));
  expect(res.status).toBe(200);
  const [card] = cardsIn(connector.take());
  expect(cardText(card)).toContain('Source:');
});
