/**
 * Operational log. By rule it carries activity types, ids, outcomes and timings only: never
 * message text, card inputs, names or anything a user typed.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

function format(event: string, fields: LogFields = {}): string {
  const parts = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : String(v)}`);
  return [event, ...parts].join(' ');
}

export function createLogger(sink: Pick<Console, 'log' | 'warn' | 'error'> = console): Logger {
  return {
    info: (event, fields) => sink.log(`[bot] ${format(event, fields)}`),
    warn: (event, fields) => sink.warn(`[bot] ${format(event, fields)}`),
    error: (event, fields) => sink.error(`[bot] ${format(event, fields)}`),
  };
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
