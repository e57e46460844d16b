import type { Request, Response } from 'restify';
import { BASE_HEADERS } from '../security-headers';
import type { RouteRegistrar } from '../server';
import { reportCsv } from './csv';
import type { FeedbackDeps } from './feature';
import { lastDays } from './records';
import { buildReport } from './report';
import { checkLink, CSV_PATH } from './report-link';

const REFUSALS = {
  bad: {
    status: 400,
    body: { error: { code: 'BadRequest', message: 'This download link is not complete. Type report in a chat with the bot for a new one.' } },
  },
  denied: {
    status: 403,
    body: {
      error: { code: 'Forbidden', message: 'This download link has expired or is not valid for you. Type report in a chat with the bot for a new one.' },
    },
  },
  unavailable: { status: 503, body: { error: { code: 'Unavailable', message: 'The feedback could not be read just now. Please try again in a minute.' } } },
} as const;

function refuse(res: Response, why: keyof typeof REFUSALS): void {
  const { status, body } = REFUSALS[why];
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** GET /tab/feedback/report.csv: the champions' report as CSV, for a link from their `report` card (bot/feedback/report-link.ts). */
export function reportCsvRoute(deps: FeedbackDeps): RouteRegistrar {
  return (server, ctx) => {
    server.get(CSV_PATH, async (req: Request, res: Response) => {
      const now = deps.now();
      const checked = checkLink((req as Request & { query?: unknown }).query ?? {}, { sign: deps.sign, champions: deps.champions, now });
      if ('refused' in checked) {
        ctx.log.warn('report-csv', { outcome: checked.refused });
        return refuse(res, checked.refused);
      }
      const period = lastDays(checked.days, now);
      let csv: string;
      try {
        csv = reportCsv(buildReport(await deps.store.query(period), period, checked.days));
      } catch (err) {
        ctx.log.warn('feedback-unavailable', { operation: 'read', error: (err as Error).name });
        return refuse(res, 'unavailable');
      }
      ctx.log.info('report-csv', { outcome: 'sent', days: checked.days });
      res.writeHead(200, {
        ...BASE_HEADERS,
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="feedback-report-${checked.days}-days.csv"`,
        'cache-control': 'no-store',
        'content-length': Buffer.byteLength(csv),
      });
      res.end(csv);
    });
  };
}
