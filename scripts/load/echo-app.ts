import { ActivityHandler } from 'botbuilder';
import * as restify from 'restify';
import { createAdapter, createAuth } from '../../bot/adapter';
import type { Config } from '../../bot/config';
import type { Logger } from '../../bot/log';

/**
 * The ceiling: an echo bot on the same stack as the real one (restify with the same body parsing,
 * CloudAdapter with the same authentication, the same connector), and nothing else: no state, no
 * engine, no cards.
 */
export function createEchoApp(config: Config, log: Logger): restify.Server {
  const adapter = createAdapter(createAuth(config.auth), log);
  const bot = new ActivityHandler();
  bot.onMessage(async (turn, next) => {
    await turn.sendActivity(`Echo: ${turn.activity.text ?? ''}`);
    await next();
  });
  const server = restify.createServer({ name: 'echo' });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 512 * 1024 }));
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, (turn) => bot.run(turn));
  });
  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: 'ok' });
  });
  return server;
}
