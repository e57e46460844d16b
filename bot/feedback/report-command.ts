import { reportCard } from '../../cards/report-card';
import { fill, FEEDBACK_MESSAGES } from '../messages';
import type { FeedbackDeps } from './feature';
import { lastDays, type Reason } from './records';
import { buildReport, type FeedbackReport } from './report';
import { DEFAULT_REPORT_DAYS, LINK_MINUTES, MAX_REPORT_DAYS, reportLink } from './report-link';

/** "report", "report 7", "report 7 days". Anything longer ("report abuse to …") is a policy question. */
const REPORT = /^report(?:\s+(\d{1,6})(?:\s*days?)?)?$/i;

const REASON_WORDS: Record<Reason, string> = {
  'wrong-passage': "didn't answer the question",
  'out-of-date': 'out of date',
  unclear: 'hard to understand',
  'not-local': 'not right for the authority',
  incomplete: 'something missing',
  other: 'something else',
};

function passageLine(p: FeedbackReport['leastHelpful'][number]): string {
  const why = p.mainReason ? ` (mostly: ${REASON_WORDS[p.mainReason]})` : '';
  return `${p.topic}: ${p.notHelpful} not helpful, ${p.helpful} helpful${why}`;
}

/** `report [days]`: the most declined topics and least helpful passages, for champions only. */
export function registerReportCommand(deps: FeedbackDeps): void {
  const { bot } = deps;
  bot.registerCommand({
    name: 'report',
    match: (t) => REPORT.test(t),
    handle: async ({ turn, text }) => {
      const log = bot.services.log;
      const objectId = turn.activity.from?.aadObjectId;
      if (!deps.champions.has(objectId)) {
        log.info('report', { activityId: turn.activity.id, outcome: 'refused' });
        await turn.sendActivity(FEEDBACK_MESSAGES.notChampion);
        return;
      }
      const asked = REPORT.exec(text)?.[1];
      const days = asked === undefined ? DEFAULT_REPORT_DAYS : Number(asked);
      if (days < 1 || days > MAX_REPORT_DAYS) {
        await turn.sendActivity(fill(FEEDBACK_MESSAGES.reportHowTo, { max: MAX_REPORT_DAYS }));
        return;
      }
      const now = deps.now();
      const period = lastDays(days, now);
      let report: FeedbackReport;
      try {
        report = buildReport(await deps.store.query(period), period, days);
      } catch (err) {
        log.warn('feedback-unavailable', { activityId: turn.activity.id, operation: 'read', error: (err as Error).name });
        await turn.sendActivity(FEEDBACK_MESSAGES.reportUnavailable);
        return;
      }
      log.info('report', { activityId: turn.activity.id, outcome: 'shown', days, records: report.helpful + report.notHelpful + report.declined });
      const csvUrl = reportLink({ base: bot.services.publicBaseUrl, sign: deps.sign, who: deps.champions.tokenOf(objectId!), days, now });
      const card = reportCard({
        days,
        helpful: report.helpful,
        notHelpful: report.notHelpful,
        declined: report.declined,
        gaps: report.gaps,
        passages: report.leastHelpful.map(passageLine),
        shared: report.shared.map((s) => `${s.time.slice(0, 10)}: "${s.question}" (${s.topic})`),
        csvUrl,
        linkMinutes: LINK_MINUTES,
      });
      await turn.sendActivity({ attachments: [card] });
    },
  });
}
