import type { Request, Response, Server } from 'restify';
import { checkActivity } from './activity-schema';
import type { CheckedAdapter } from './adapter';
import { errorSite } from './error-site';
import type { PolicyBot } from './handler';
import { problem, sendProblem, SERVER_PROBLEM } from './http-errors';
import type { Logger } from './log';
import type { TurnTracker } from './drain';

/**
 * POST /api/messages: the one way into the bot. In order: the body must be an activity (400
 * naming the field), the request must carry a valid Bot Framework token when auth is on (401,
 * or 503 when the keys to check it cannot be fetched), then the turn runs. Every refusal has one
 * fixed body; nothing of the request or of an error's message is sent back or logged.
 */

export const UNAUTHORISED = problem('Unauthorized', 'A valid Bot Framework token is required.');
export const AUTH_UNAVAILABLE = problem('ServiceUnavailable', 'The bot cannot check tokens just now. Try again later.');

function authorization(req: Request): string {
  const header = req.headers.authorization;
  return typeof header === 'string' ? header : '';
}

export const SHUTTING_DOWN = problem('ServiceUnavailable', 'The bot is restarting. Try again in a moment.');

/** The route, refusing new turns (503) once shutdown has begun and counting those in flight. */
export function registerActivityRoute(server: Server, deps: { adapter: CheckedAdapter; bot: PolicyBot; log: Logger; turns: TurnTracker }): void {
  const { turns } = deps;
  server.post('/api/messages', async (req: Request, res: Response) => {
    if (!turns.accepting) {
      // Shutting down: the channel retries elsewhere or later.
      res.header('Connection', 'close');
      res.header('Retry-After', '5');
      res.send(503, SHUTTING_DOWN);
      return;
    }
    await turns.track(() => handleActivity(req, res, deps));
  });
}

/** One request: check the activity, check the token, run the turn, answer. */
async function handleActivity(req: Request, res: Response, deps: { adapter: CheckedAdapter; bot: PolicyBot; log: Logger }): Promise<void> {
  const { adapter, bot, log } = deps;
  const checked = checkActivity(req.body);
  if (!checked.ok) {
    log.warn('activity-rejected', { field: checked.field ?? 'body' });
    sendProblem(res, 400, 'BadArgument', checked.message);
    return;
  }
  try {
    const outcome = await adapter.processChecked(authorization(req), checked.activity, (turn) => bot.run(turn));
    if (outcome.refused === 'unavailable') {
      log.error('auth-unavailable', { error: outcome.error });
      res.setHeader('Retry-After', '30');
      res.send(503, AUTH_UNAVAILABLE);
    } else if (outcome.refused) {
      log.warn('auth-refused', { error: outcome.error });
      res.send(401, UNAUTHORISED);
    } else {
      const { status = 200, body } = outcome.response ?? {};
      if (body === undefined) res.send(status);
      else res.send(status, body);
    }
  } catch (error) {
    log.error('activity-failed', { error: error instanceof Error ? error.name : 'unknown', at: errorSite(error) });
    res.send(500, SERVER_PROBLEM);
  }
}
