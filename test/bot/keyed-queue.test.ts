import { KeyedQueue } from '../../bot/keyed-queue';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('work queued per key', () => {
  test('work on one key runs in call order, work on another key does not wait for it', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const slow = deferred();
    const first = queue.run(['a'], async () => {
      events.push('a1 start');
      await slow.promise;
      events.push('a1 end');
    });
    const second = queue.run(['a'], async () => {
      events.push('a2');
    });
    await queue.run(['b'], async () => {
      events.push('b');
    });
    expect(events).toEqual(['a1 start', 'b']);
    slow.resolve();
    await Promise.all([first, second]);
    expect(events).toEqual(['a1 start', 'b', 'a1 end', 'a2']);
  });

  test('a failure reaches its caller only, and the next work on the key still runs', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run(['a'], async () => {
      throw new Error('disk full');
    });
    const next = queue.run(['a', 'b'], async () => 'ran');
    await expect(failed).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('ran');
  });

  test('an idle queue holds no keys', async () => {
    const queue = new KeyedQueue();
    await Promise.all(Array.from({ length: 50 }, (_, i) => queue.run([`k${i % 5}`], async () => i)));
    await new Promise((r) => setImmediate(r));
    expect(queue.size).toBe(0);
  });
});
