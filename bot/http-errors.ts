import type { Request, Response, Server } from 'restify';

/**
 * Error bodies the server sends itself: always `{ error: { code, message } }` with a fixed message.
 * Never the request's path, body, headers or an exception's message (a parser quotes what it
 * could not parse; a token library names what it could not verify).
 */

export interface Problem {
  error: { code: string; message: string };
}

export function problem(code: string, message: string): Problem {
  return { error: { code, message } };
}

export function sendProblem(res: Response, status: number, code: string, message: string): void {
  res.send(status, problem(code, message));
}

/** restify's own errors (no such route, a body it cannot parse, too large, wrong method …) by status. */
const RESTIFY_PROBLEMS: Record<number, Problem> = {
  400: problem('BadRequest', 'The request body could not be read: it must be valid JSON.'),
  404: problem('NotFound', 'There is nothing at this address.'),
  405: problem('MethodNotAllowed', 'This address does not accept that method.'),
  406: problem('NotAcceptable', 'This server answers in JSON or HTML only.'),
  413: problem('PayloadTooLarge', 'The request body is too large.'),
  415: problem('UnsupportedMediaType', 'The request body must be JSON.'),
};
const OTHER_CLIENT_PROBLEM = problem('BadRequest', 'The request could not be handled.');
export const SERVER_PROBLEM = problem('InternalError', 'Something went wrong on the server. Please try again.');

export function restifyProblem(status: number): Problem {
  return RESTIFY_PROBLEMS[status] ?? (status >= 500 ? SERVER_PROBLEM : OTHER_CLIENT_PROBLEM);
}

interface RestifyError extends Error {
  statusCode?: number;
  toJSON?: () => unknown;
}

/** Replace the body of every error restify sends (JSON or text) with the fixed one for its status. */
export function registerErrorBodies(server: Server): void {
  server.on('restifyError', (_req: Request, _res: Response, err: RestifyError, done: () => void) => {
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    const body = restifyProblem(status);
    err.toJSON = () => body;
    err.toString = () => body.error.message;
    done();
  });
}
