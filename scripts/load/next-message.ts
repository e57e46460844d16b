import type { EventEmitter } from 'node:events';

/**
 * The next IPC message of `type` (and `id`) from a server process or one of its cluster workers;
 * rejects if that process exits first.
 */
export function nextMessage<T>(from: EventEmitter, type: string, id?: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: { type: string; id?: number }) => {
      if (msg.type !== type || msg.id !== id) return;
      from.off('message', onMessage);
      from.off('exit', onExit);
      resolve(msg as T);
    };
    const onExit = (code: number | null) => reject(new Error(`the server exited (${code}) before '${type}'`));
    from.on('message', onMessage);
    from.once('exit', onExit);
  });
}
