import type { InvokeResponse } from 'botbuilder';
import { z } from 'zod';
import { MESSAGES } from './messages';

/**
 * Answers for invokes the bot has no feature for, each in the format its sender expects, so Teams
 * shows a sentence instead of a broken dialog (Bot Framework's default is an empty 501). No
 * answer repeats anything from the invoke's value.
 */

/** The Bot Framework error body (Universal Actions' error format), with the HTTP status it names. */
function errorResponse(status: number, code: string, message: string): InvokeResponse {
  return { status, body: { statusCode: status, type: 'application/vnd.microsoft.error', value: { code, message } } };
}

/** Any invoke name nothing is registered for. */
export function unknownInvoke(): InvokeResponse {
  return errorResponse(400, 'NotSupported', MESSAGES.invokeNotAvailable);
}

/** task/fetch and task/submit: a task module that only says the action is not available. */
export function taskNotAvailable(): InvokeResponse {
  return { status: 200, body: { task: { type: 'message', value: MESSAGES.taskNotAvailable } } };
}

const executeAction = z.object({ action: z.object({ type: z.literal('Action.Execute'), verb: z.string() }).loose() }).loose();

/** adaptiveCard/action (Action.Execute): the bot's cards use Action.Submit, so every verb is unknown. */
export function cardActionNotAvailable(value: unknown): InvokeResponse {
  if (!executeAction.safeParse(value).success) return errorResponse(400, 'BadRequest', MESSAGES.cardActionNotAvailable);
  return errorResponse(400, 'NotSupported', MESSAGES.cardActionNotAvailable);
}

/** The invokes answered this way, by name (a Map: an invoke named "constructor" is just unknown). */
export const INVOKE_FALLBACKS: ReadonlyMap<string, (value: unknown) => InvokeResponse> = new Map([
  ['task/fetch', taskNotAvailable],
  ['task/submit', taskNotAvailable],
  ['adaptiveCard/action', cardActionNotAvailable],
]);

/** An invoke the turn gate refused: another organisation's (nothing said about why) or past the rate. */
export function refusedInvoke(reason: 'tenant' | 'rate'): InvokeResponse {
  return reason === 'rate' ? errorResponse(429, 'TooManyRequests', MESSAGES.slowDown) : errorResponse(403, 'Forbidden', MESSAGES.invokeNotAvailable);
}
