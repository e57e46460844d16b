import { sep } from 'node:path';
import { projectRoot } from '../knowledge/paths';

/**
 * Where an error was thrown ("bot/handler.ts:120:7", relative to the project), from the first stack frame. Used instead of
 * the error's message, which may quote what the user typed (parsers and validators echo their input).
 * A module of its own, so that the cluster primary can report a start-up failure without loading botbuilder.
 */
export function errorSite(error: unknown): string | undefined {
  if (!(error instanceof Error) || !error.stack) return undefined;
  const frame = error.stack.split('\n').find((line) => /^\s+at /.test(line));
  const site = frame?.match(/\(?([^()\s]+:\d+:\d+)\)?\s*$/)?.[1];
  return site?.startsWith(`${projectRoot}${sep}`) ? site.slice(projectRoot.length + 1) : site;
}
