import type { AddressInfo } from 'node:net';
import { ConversationState, MemoryStorage, UserState } from 'botbuilder';
import type { Server } from 'restify';
import { loadConfig } from '../../bot/config';
import { loadEngine } from '../../bot/engine';
import { PolicyBot } from '../../bot/handler';
import { silentLogger } from '../../bot/log';
import { createServer } from '../../bot/server';
import { tabRoutes } from '../../bot/tab/routes';
import type { KnowledgeBase } from '../../knowledge/search';
import { loadTriageKnowledge, type TriageKnowledge } from '../../knowledge/triage';

export const PUBLIC_BASE_URL = 'https://tab.example.test';

export interface RunningTab {
  url: string;
  kb: KnowledgeBase;
  triage: TriageKnowledge;
  server: Server;
  close(): Promise<void>;
}

/** The bot's real server (createServer) with the tab routes wired through its extra-routes seam, on port 0. */
export async function startTab(): Promise<RunningTab> {
  const engine = loadEngine();
  const kb = engine.kb;
  const triage = loadTriageKnowledge();
  const config = loadConfig({ STORAGE: 'memory', LOCAL_CHAT: 'false', PUBLIC_BASE_URL });
  const storage = new MemoryStorage();
  const bot = new PolicyBot({
    engine,
    userState: new UserState(storage),
    conversationState: new ConversationState(storage),
    publicBaseUrl: config.publicBaseUrl,
    log: silentLogger,
  });
  const server = createServer({
    config,
    bot,
    log: silentLogger,
    // Wired the way bot/index.ts wires it: the registrar takes the base URL from the config.
    extraRoutes: [tabRoutes({ kb, triage })],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    kb,
    triage,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every id attribute in a page, in order (duplicates kept, so tests can find them). */
export function idsIn(page: string): string[] {
  return [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => decodeEntities(m[1]!));
}

/** Anchors of every link into the library (`/tab/library#x`, or `#x` on the library page itself). */
export function libraryLinks(page: string, opts: { samePage?: boolean } = {}): string[] {
  const re = opts.samePage ? /href="(?:\/tab\/library)?#([^"]+)"/g : /href="\/tab\/library#([^"]+)"/g;
  return [...page.matchAll(re)].map((m) => decodeURIComponent(decodeEntities(m[1]!)));
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _m);
}
