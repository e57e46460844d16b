import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Bot Framework channel, lean enough for a load test: it answers every reply
 * the bot posts to its serviceUrl and counts them (cards apart from plain text), keeping nothing.
 */
export interface CountingConnector {
  serviceUrl: string;
  counts: { replies: number; cards: number };
  close(): Promise<void>;
}

function drain(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startCountingConnector(): Promise<CountingConnector> {
  const counts = { replies: 0, cards: 0 };
  let n = 0;
  const server = createServer(async (req, res) => {
    const body = await drain(req);
    if (/^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
      counts.replies++;
      if (body.includes('application/vnd.microsoft.card.adaptive')) counts.cards++;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(`{"id":"reply-${++n}"}`);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
