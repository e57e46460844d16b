import type { Storage } from 'botbuilder';
import { z } from 'zod';
import { isEtagConflict } from '../storage-errors';

/**
 * What "Ask a champion" keeps, in the bot's state store (keys hashed on the way in, so the file,
 * blob and memory backends all work and a restart keeps it): each question waiting for a champion
 * (the redacted question, and where to send the answer: the asker's chat), an index of those
 * questions with their expiry, and the champion answers list. An expired question is deleted,
 * with its chat reference, the next time any question is saved or looked up.
 */

/** The parts of a Bot Framework ConversationReference needed to send to the asker's chat: no user id, no name. */
export const chatReferenceSchema = z.object({
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.object({ id: z.string().min(1), conversationType: z.string().optional(), tenantId: z.string().optional() }),
  bot: z.object({ id: z.string().min(1), name: z.string().optional() }),
});
export type ChatReference = z.infer<typeof chatReferenceSchema>;

export const pendingQuestionSchema = z.object({
  id: z.uuid(),
  /** Redacted. */
  question: z.string().min(1).max(500),
  askedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  asker: chatReferenceSchema,
  /** The question card's activity id in the champions' channel, to mark it answered. */
  cardActivityId: z.string().min(1).optional(),
});
export type PendingQuestion = z.infer<typeof pendingQuestionSchema>;

export const championAnswerSchema = z.object({
  /** Redacted. */
  question: z.string().min(1).max(500),
  /** Redacted. */
  answer: z.string().min(1).max(2000),
  /** CHAMPION_ROLE_LABEL when it was answered: never a name. */
  role: z.string().min(1).max(80),
  answeredAt: z.iso.datetime(),
});
export type ChampionAnswer = z.infer<typeof championAnswerSchema>;

export interface ChampionStore {
  savePending(question: PendingQuestion, now: Date): Promise<void>;
  /** A question still waiting; undefined when answered, expired (and then deleted) or unknown. */
  pending(id: string, now: Date): Promise<PendingQuestion | undefined>;
  removePending(id: string): Promise<void>;
  addAnswer(answer: ChampionAnswer): Promise<void>;
  /** The champion answers list, oldest first. */
  answers(): Promise<ChampionAnswer[]>;
}

const INDEX_KEY = 'champion/pending';
const ANSWERS_KEY = 'champion/answers';
const questionKey = (id: string) => `champion/questions/${id}`;
/** The list keeps the latest answers only. */
export const MAX_ANSWERS = 500;

const indexSchema = z.object({ items: z.array(z.object({ id: z.string(), expiresAt: z.iso.datetime() })) });
type Index = z.infer<typeof indexSchema>;
const answersSchema = z.object({ items: z.array(championAnswerSchema) });

/** How many times a read-modify-write is tried while other workers keep changing the same item. */
const MAX_UPDATE_ATTEMPTS = 5;

export class StorageChampionStore implements ChampionStore {
  /**
   * Read-modify-writes of the index and the list go one at a time in this process; between
   * processes (WORKERS), each write carries the eTag it read and is tried again on a conflict.
   */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly storage: Storage) {}

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read<S extends z.ZodType>(key: string, schema: S): Promise<z.output<S> | undefined> {
    const item: unknown = (await this.storage.read([key]))[key];
    const parsed = schema.safeParse(item);
    return parsed.success ? parsed.data : undefined;
  }

  /**
   * Read an item, change it and write it back with the eTag read, so that a write another process
   * made in between is not overwritten: on an eTag conflict it starts again from the new item.
   * `change` may therefore run more than once. The first write of a missing item cannot be checked
   * (every backend accepts it whatever the eTag).
   */
  private async update<S extends z.ZodType>(key: string, schema: S, change: (current: z.output<S> | undefined) => Promise<z.output<S>>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const item = (await this.storage.read([key]))[key] as { eTag?: unknown } | undefined;
      const parsed = schema.safeParse(item);
      const next = await change(parsed.success ? parsed.data : undefined);
      const eTag = typeof item?.eTag === 'string' ? item.eTag : '*';
      try {
        await this.storage.write({ [key]: { ...(next as object), eTag } });
        return;
      } catch (err) {
        if (!isEtagConflict(err) || attempt >= MAX_UPDATE_ATTEMPTS) throw err;
      }
    }
  }

  /** Delete every question in the index past its expiry; returns the index of those left. */
  private async sweep(index: Index | undefined, now: Date): Promise<Index> {
    index ??= { items: [] };
    const expired = index.items.filter((i) => Date.parse(i.expiresAt) <= now.getTime());
    if (expired.length > 0) await this.storage.delete(expired.map((i) => questionKey(i.id)));
    return { items: index.items.filter((i) => !expired.includes(i)) };
  }

  savePending(question: PendingQuestion, now: Date): Promise<void> {
    const valid = pendingQuestionSchema.parse(question);
    return this.serial(() =>
      this.update(INDEX_KEY, indexSchema, async (current) => {
        const index = await this.sweep(current, now);
        await this.storage.write({ [questionKey(valid.id)]: { ...valid, eTag: '*' } });
        return { items: [...index.items.filter((i) => i.id !== valid.id), { id: valid.id, expiresAt: valid.expiresAt }] };
      }),
    );
  }

  async pending(id: string, now: Date): Promise<PendingQuestion | undefined> {
    const found = await this.read(questionKey(id), pendingQuestionSchema);
    if (found && Date.parse(found.expiresAt) > now.getTime()) return found;
    if (found) await this.removePending(id);
    return undefined;
  }

  removePending(id: string): Promise<void> {
    return this.serial(async () => {
      await this.storage.delete([questionKey(id)]);
      await this.update(INDEX_KEY, indexSchema, async (index) => ({ items: (index?.items ?? []).filter((i) => i.id !== id) }));
    });
  }

  addAnswer(answer: ChampionAnswer): Promise<void> {
    const valid = championAnswerSchema.parse(answer);
    return this.serial(() => this.update(ANSWERS_KEY, answersSchema, async (list) => ({ items: [...(list?.items ?? []), valid].slice(-MAX_ANSWERS) })));
  }

  async answers(): Promise<ChampionAnswer[]> {
    return (await this.read(ANSWERS_KEY, answersSchema))?.items ?? [];
  }
}
