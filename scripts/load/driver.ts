import { Agent, request } from 'node:http';

/**
 * The load itself: `concurrency` clients, each posting one Teams personal-chat message to
 * /api/messages and waiting for the answer (CloudAdapter answers once the turn, replies included,
 * is done) before sending the next. Connections are kept alive, as the Bot Framework's are.
 */
export interface LoadOptions {
  /** The bot's base URL. */
  url: string;
  /** Where the bot's replies go (the connector listener). */
  serviceUrl: string;
  concurrency: number;
  messages: number;
  questions: readonly string[];
  /** Distinct users (and personal conversations) the messages rotate through. */
  users: number;
  /** A new connection for every message (the cluster primary hands each to the next worker in turn). */
  fresh?: boolean;
  /** Called after every `every` messages (memory samples). */
  progress?: { every: number; onProgress: (done: number) => void };
}

export interface LoadResult {
  /** Latency of each message in ms, in completion order. */
  latencies: Float64Array;
  seconds: number;
  failures: number;
}

let sequence = 0;

function activity(serviceUrl: string, user: number, text: string): string {
  const n = ++sequence;
  return JSON.stringify({
    type: 'message',
    id: `load-${n}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:load-user-${user}`, name: 'Load', aadObjectId: `00000000-0000-4000-8000-${String(user).padStart(12, '0')}` },
    recipient: { id: '28:policy-bot', name: 'Policy Assistant' },
    conversation: { id: `a:load-conversation-${user}`, conversationType: 'personal', isGroup: false },
    text,
  });
}

function post(agent: Agent | false, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...(agent ? {} : { Connection: 'close' }) };
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const endpoint = new URL('/api/messages', opts.url);
  const latencies = new Float64Array(opts.messages);
  let next = 0;
  let done = 0;
  let failures = 0;
  const client = async () => {
    while (next < opts.messages) {
      const i = next++;
      const body = activity(opts.serviceUrl, i % opts.users, opts.questions[i % opts.questions.length]!);
      const t = performance.now();
      const status = await post(opts.fresh ? false : agent, endpoint, body).catch(() => 0);
      latencies[done++] = performance.now() - t;
      if (status !== 200) failures++;
      if (opts.progress && done % opts.progress.every === 0) opts.progress.onProgress(done);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: opts.concurrency }, client));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return { latencies, seconds, failures };
}
