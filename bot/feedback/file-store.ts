import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { byTime, feedbackRecordSchema, inPeriod, type FeedbackKind, type FeedbackRecord, type FeedbackStore, type Period } from './records';

/** "2025-03" for a time: records are kept in one file per calendar month (UTC). */
function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** Every month from the one `from` falls in to the one `to` falls in. */
function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  const at = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (at.getTime() <= to.getTime()) {
    months.push(monthOf(at));
    at.setUTCMonth(at.getUTCMonth() + 1);
  }
  return months;
}

/**
 * The embedded default: JSON lines, one file a month (`feedback-2025-03.jsonl`), appended to and
 * never rewritten, so a month is deleted by deleting its file. A line that does not parse (a
 * half-written line after a crash, a hand edit) is skipped on reading.
 */
export class FileFeedbackStore implements FeedbackStore {
  /** Appends from this process go one at a time, so lines never interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {}

  fileFor(month: string): string {
    return join(this.dir, `feedback-${month}.jsonl`);
  }

  async append(record: FeedbackRecord): Promise<void> {
    const valid = feedbackRecordSchema.parse(record);
    const work = async () => {
      await mkdir(this.dir, { recursive: true });
      await appendFile(this.fileFor(monthOf(new Date(valid.time))), `${JSON.stringify(valid)}\n`, { encoding: 'utf8', mode: 0o600 });
    };
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    await next;
  }

  async query(period: Period, kind?: FeedbackKind): Promise<FeedbackRecord[]> {
    const found: FeedbackRecord[] = [];
    for (const month of monthsBetween(period.from, period.to)) {
      for (const line of (await this.readMonth(month)).split('\n')) {
        const record = parseLine(line);
        if (record && inPeriod(record, period, kind)) found.push(record);
      }
    }
    return found.sort(byTime);
  }

  private async readMonth(month: string): Promise<string> {
    try {
      return await readFile(this.fileFor(month), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw err;
    }
  }
}

function parseLine(line: string): FeedbackRecord | undefined {
  if (!line.trim()) return undefined;
  try {
    const parsed = feedbackRecordSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
