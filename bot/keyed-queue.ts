/**
 * Runs async work in order per key: work on a key starts once every earlier work on any of its
 * keys has settled, while work on other keys runs alongside. Forgets a key once its queue is empty.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)];
    const earlier = unique.flatMap((k) => this.tails.get(k) ?? []);
    const result = earlier.length === 0 ? work() : Promise.all(earlier).then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    for (const k of unique) this.tails.set(k, tail);
    void tail.then(() => {
      for (const k of unique) if (this.tails.get(k) === tail) this.tails.delete(k);
    });
    return result;
  }

  /** Keys with work queued or running (for tests: an idle queue holds nothing). */
  get size(): number {
    return this.tails.size;
  }
}
