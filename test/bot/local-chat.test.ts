import type { Activity } from 'botbuilder';
import { localObjectId } from '../../bot/local-chat';
import { FEEDBACK_MESSAGES } from '../../bot/messages';
import { cardText, startBot, type RunningBot } from './helpers';

/** The Direct Line 3.0 emulation behind the local chat page, driven the way Web Chat drives it. */

let bot: RunningBot;
/** A local user whose object id is on CHAMPION_IDS, as a developer puts theirs there to try `report`. */
const CHAMPION_USER = 'local-champion-0123';

beforeAll(async () => {
  bot = await startBot({
    env: { LOCAL_CHAT_STARTS_PER_MINUTE: '30', CHAMPION_IDS: localObjectId(CHAMPION_USER) },
    setup: (b) =>
      b.registerCommand({
        name: 'update-demo',
        match: (t) => t === 'update demo',
        handle: async ({ turn }) => {
          const sent = await turn.sendActivity('step 1');
          await turn.updateActivity({ ...turn.activity, id: sent!.id, type: 'message', text: 'step 2', from: turn.activity.recipient });
        },
      }),
  });
});

afterAll(() => bot.close());

async function startConversation(userId = 'local-test-user') {
  const generated = await fetch(`${bot.url}/v3/directline/tokens/generate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { id: userId } }),
  });
  const { token, conversationId } = (await generated.json()) as { token: string; conversationId: string };
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const started = await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers });
  expect(started.status).toBe(201);
  expect(await started.json()).toEqual({ conversationId, token, expires_in: expect.any(Number) });
  const base = `${bot.url}/v3/directline/conversations/${conversationId}`;
  return {
    conversationId,
    headers,
    get: async (watermark?: string) => {
      const res = await fetch(`${base}/activities${watermark ? `?watermark=${watermark}` : ''}`, { headers });
      expect(res.status).toBe(200);
      return (await res.json()) as { activities: Partial<Activity>[]; watermark: string };
    },
    post: (activity: object) => fetch(`${base}/activities`, { method: 'POST', headers, body: JSON.stringify(activity) }),
  };
}

test('starting a conversation brings the welcome card', async () => {
  const chat = await startConversation();
  const { activities } = await chat.get();
  expect(activities).toHaveLength(1);
  expect(activities[0]!.from?.role).toBe('bot');
  expect(cardText(activities[0]!.attachments)).toMatch(/do not enter names or any identifying details/i);
});

test("the user's message is echoed with its clientActivityID, then the bot's reply; the watermark moves on", async () => {
  const chat = await startConversation();
  const first = await chat.get();
  const res = await chat.post({ type: 'message', text: 'help', from: { id: 'someone-else', role: 'user' }, channelData: { clientActivityID: 'client-1' } });
  expect(res.status).toBe(200);
  const { id } = (await res.json()) as { id: string };

  const next = await chat.get(first.watermark);
  expect(next.activities.map((a) => a.id)).toContain(id);
  const echo = next.activities.find((a) => a.id === id)!;
  expect(echo.channelData).toEqual({ clientActivityID: 'client-1' });
  // Identity comes from the token, not from what the client claims.
  expect(echo.from).toEqual({ id: 'local-test-user', name: 'You', role: 'user', aadObjectId: localObjectId('local-test-user') });
  expect(cardText(next.activities.at(-1)!.attachments)).toContain('What I can do');

  expect((await chat.get(next.watermark)).activities).toEqual([]);
});

test('an activity the bot updates in place comes back with the same id and the new content', async () => {
  const chat = await startConversation();
  const before = await chat.get();
  await chat.post({ type: 'message', text: 'update demo' });
  const after = await chat.get(before.watermark);
  const replies = after.activities.filter((a) => a.from?.role === 'bot');
  expect(replies).toHaveLength(1);
  expect(replies[0]!.text).toBe('step 2');
});

test('a wrong token, an unknown conversation and a malformed activity are refused', async () => {
  const chat = await startConversation();
  const wrongToken = await fetch(`${bot.url}/v3/directline/conversations/${chat.conversationId}/activities`, {
    headers: { Authorization: 'Bearer nope' },
  });
  expect(wrongToken.status).toBe(403);
  const unknown = await fetch(`${bot.url}/v3/directline/conversations/does-not-exist/activities`, { headers: chat.headers });
  expect(unknown.status).toBe(404);
  const malformed = await chat.post({ type: 'explode', text: 42 });
  expect(malformed.status).toBe(400);
  expect(await malformed.json()).toEqual({ error: { code: 'BadArgument', message: expect.stringMatching(/valid activity/) } });
  // Still working afterwards.
  expect((await chat.post({ type: 'message', text: 'help' })).status).toBe(200);
});

test('a local user whose object id is on CHAMPION_IDS gets the report card; another local user is refused', async () => {
  const champion = await startConversation(CHAMPION_USER);
  const before = await champion.get();
  expect((await champion.post({ type: 'message', text: 'report' })).status).toBe(200);
  const shown = (await champion.get(before.watermark)).activities.filter((a) => a.from?.role === 'bot');
  expect(cardText(shown.at(-1)?.attachments)).toContain('Feedback and gaps: the last 30 days');

  const other = await startConversation('local-not-a-champion');
  const start = await other.get();
  await other.post({ type: 'message', text: 'report' });
  const refused = (await other.get(start.watermark)).activities.filter((a) => a.from?.role === 'bot');
  expect(refused.at(-1)?.text).toBe(FEEDBACK_MESSAGES.notChampion);
});

test('token refresh returns the same conversation', async () => {
  const chat = await startConversation();
  const res = await fetch(`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: chat.headers });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { conversationId: string }).conversationId).toBe(chat.conversationId);
});

test("the connector routes take only the bot's own replies: a forged post, replace or delete is refused", async () => {
  const chat = await startConversation('forgery-target');
  const before = await chat.get();
  const url = `${bot.url}/v3/conversations/${encodeURIComponent(chat.conversationId)}/activities`;
  const forged = { type: 'message', text: 'I am the assistant: call this number', from: { id: 'bot', role: 'bot' } };
  const headers = { 'Content-Type': 'application/json' };
  expect((await fetch(url, { method: 'POST', headers, body: JSON.stringify(forged) })).status).toBe(401);
  expect(
    (
      await fetch(url, {
        method: 'POST',
        headers: { ...headers, Authorization: `Bearer ${chat.headers.Authorization.slice(7)}` },
        body: JSON.stringify(forged),
      })
    ).status,
  ).toBe(401);
  const existing = before.activities[0]!.id!;
  expect((await fetch(`${url}/${encodeURIComponent(existing)}`, { method: 'PUT', headers, body: JSON.stringify(forged) })).status).toBe(401);
  expect((await fetch(`${url}/${encodeURIComponent(existing)}`, { method: 'DELETE' })).status).toBe(401);
  const after = await chat.get();
  expect(JSON.stringify(after.activities)).not.toContain('call this number');
  expect(after.activities.map((a) => a.id)).toEqual(before.activities.map((a) => a.id));
});

test('anonymous token requests cannot push out a live conversation: they are rate-limited and a full table refuses', async () => {
  const live = await startConversation('live-user');
  const statuses: number[] = [];
  for (let i = 0; i < 100; i++) statuses.push((await fetch(`${bot.url}/v3/directline/tokens/generate`, { method: 'POST' })).status);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  expect(statuses.every((s) => s === 200 || s === 429 || s === 503)).toBe(true);
  // The live conversation still works.
  expect((await live.post({ type: 'message', text: 'help' })).status).toBe(200);
  expect((await live.get()).activities.length).toBeGreaterThan(1);
});

test('the page and the Web Chat bundle are served from this server', async () => {
  const page = await fetch(`${bot.url}/`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('<script src="/webchat.js"></script>');
  expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
  const bundle = await fetch(`${bot.url}/webchat.js`);
  expect(bundle.status).toBe(200);
  expect(bundle.headers.get('content-type')).toMatch(/javascript/);
  await bundle.arrayBuffer();
});

test('a client that hangs up as soon as it has the page does not bring the server down', async () => {
  // curl and many browsers close the socket the moment the last byte arrives. The file stream
  // then saw a premature close and rejected the handler; restify's error reply on top of the
  // sent headers threw ERR_HTTP_HEADERS_SENT and ended the whole process.
  const { connect } = await import('node:net');
  const { port } = new URL(bot.url);
  for (const path of ['/', '/webchat.js']) {
    const head = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`));
      let got = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => {
        got += chunk;
        socket.destroy();
        resolve(got.split('\r\n')[0]!);
      });
      socket.on('error', reject);
    });
    expect(head).toBe('HTTP/1.1 200 OK');
  }
  await new Promise((r) => setTimeout(r, 100));
  const health = await fetch(`${bot.url}/healthz`);
  expect(health.status).toBe(200);
});
