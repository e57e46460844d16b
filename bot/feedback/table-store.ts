import { createHmac, randomUUID } from 'node:crypto';
import { byTime, feedbackRecordSchema, inPeriod, type FeedbackKind, type FeedbackRecord, type FeedbackStore, type Period } from './records';

/**
 * Azure Table Storage backend over the Table REST API (node's fetch, Shared Key Lite), so no SDK
 * is needed; Azurite's table service accepts the same requests. One entity per record:
 * PartitionKey the month ("2025-03"), RowKey the time and a random id, so a period is one range
 * query. The table is created on first use, and again if it is deleted.
 */

/** Azurite's well-known development account (public, documented by Microsoft). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const FIELDS = ['kind', 'time', 'rating', 'reason', 'passageId', 'topic', 'authority', 'redactedQuestion'] as const;
const TIMEOUT_MS = 10_000;

export interface TableAccount {
  name: string;
  key: Buffer;
  /** The table service's base URL, without a trailing slash (path-style for Azurite). */
  endpoint: string;
}

/** Read a storage connection string; a string result says what is wrong with it (never echoing it). */
export function parseTableConnection(connection: string): TableAccount | string {
  const parts = new Map<string, string>();
  for (const part of connection.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) parts.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  if (parts.get('usedevelopmentstorage') === 'true') {
    return { name: DEV_ACCOUNT, key: Buffer.from(DEV_KEY, 'base64'), endpoint: `http://127.0.0.1:10002/${DEV_ACCOUNT}` };
  }
  const name = parts.get('accountname');
  const key = parts.get('accountkey');
  if (!name || !key) return 'must have AccountName and AccountKey (or be UseDevelopmentStorage=true)';
  const endpoint =
    parts.get('tableendpoint') ?? `${parts.get('defaultendpointsprotocol') ?? 'https'}://${name}.table.${parts.get('endpointsuffix') ?? 'core.windows.net'}`;
  if (!/^https?:\/\/[^\s]+$/.test(endpoint)) return 'has a TableEndpoint that is not an http(s) URL';
  return { name, key: Buffer.from(key, 'base64'), endpoint: endpoint.replace(/\/+$/, '') };
}

/** A value for an OData filter, quoted. */
const quoted = (v: string) => `'${v.replace(/'/g, "''")}'`;
const months = (p: Period) => [p.from.toISOString().slice(0, 7), p.to.toISOString().slice(0, 7)];

export class TableFeedbackStore implements FeedbackStore {
  private created?: Promise<void>;

  constructor(
    private readonly account: TableAccount,
    readonly table: string,
  ) {}

  /** One signed request to the table service. */
  private request(method: string, path: string, opts: { query?: string; body?: unknown; prefer?: string } = {}): Promise<Response> {
    const url = new URL(`${this.account.endpoint}${path}${opts.query ? `?${opts.query}` : ''}`);
    const date = new Date().toUTCString();
    const signature = createHmac('sha256', this.account.key).update(`${date}\n/${this.account.name}${url.pathname}`).digest('base64');
    const headers: Record<string, string> = {
      'x-ms-date': date,
      'x-ms-version': '2019-02-02',
      accept: 'application/json;odata=nometadata',
      dataserviceversion: '3.0;NetFx',
      maxdataserviceversion: '3.0;NetFx',
      authorization: `SharedKeyLite ${this.account.name}:${signature}`,
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.prefer ? { prefer: opts.prefer } : {}),
    };
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    return fetch(url, { method, headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
  }

  private ensureTable(): Promise<void> {
    this.created ??= (async () => {
      const res = await this.request('POST', '/Tables', { body: { TableName: this.table }, prefer: 'return-no-content' });
      if (!res.ok && res.status !== 409) throw new Error(`table storage answered ${res.status} creating the table`);
    })().catch((err: unknown) => {
      this.created = undefined;
      throw err;
    });
    return this.created;
  }

  async append(record: FeedbackRecord): Promise<void> {
    const valid = feedbackRecordSchema.parse(record);
    const time = new Date(valid.time).toISOString();
    const entity = { ...valid, time, PartitionKey: time.slice(0, 7), RowKey: `${time}_${randomUUID()}` };
    await this.ensureTable();
    let res = await this.request('POST', `/${this.table}`, { body: entity, prefer: 'return-no-content' });
    if (res.status === 404) {
      // The table was deleted while we ran: create it again, once.
      this.created = undefined;
      await this.ensureTable();
      res = await this.request('POST', `/${this.table}`, { body: entity, prefer: 'return-no-content' });
    }
    if (!res.ok) throw new Error(`table storage answered ${res.status} adding a record`);
  }

  async query(period: Period, kind?: FeedbackKind): Promise<FeedbackRecord[]> {
    const [first, last] = months(period);
    const filter =
      `PartitionKey ge ${quoted(first!)} and PartitionKey le ${quoted(last!)} and RowKey ge ${quoted(period.from.toISOString())}` +
      ` and RowKey lt ${quoted(period.to.toISOString())}${kind ? ` and kind eq ${quoted(kind)}` : ''}`;
    const found: FeedbackRecord[] = [];
    let next = '';
    do {
      const res = await this.request('GET', `/${this.table}()`, { query: `$filter=${encodeURIComponent(filter)}${next}` });
      if (res.status === 404) return [];
      if (!res.ok) throw new Error(`table storage answered ${res.status} reading records`);
      const page = (await res.json()) as { value?: Record<string, unknown>[] };
      for (const entity of page.value ?? []) {
        const parsed = feedbackRecordSchema.safeParse(Object.fromEntries(FIELDS.filter((f) => entity[f] !== undefined).map((f) => [f, entity[f]])));
        if (parsed.success && inPeriod(parsed.data, period, kind)) found.push(parsed.data);
      }
      const pk = res.headers.get('x-ms-continuation-nextpartitionkey');
      const rk = res.headers.get('x-ms-continuation-nextrowkey');
      next = pk ? `&NextPartitionKey=${encodeURIComponent(pk)}${rk ? `&NextRowKey=${encodeURIComponent(rk)}` : ''}` : '';
    } while (next);
    return found.sort(byTime);
  }
}
