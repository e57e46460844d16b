import cluster, { type Worker } from 'node:cluster';
import { nextMessage } from './next-message';
import type { BenchRequest, ChildStats } from './server-child';

/**
 * In a benchmark server that is the bot's cluster primary: says `bench:ready` once every worker
 * serves, and passes the benchmark's requests on to every worker, adding their figures to its own.
 */
function fromEach<T>(workers: Worker[], type: string, id: number | undefined, send: (w: Worker) => void): Promise<T[]> {
  return Promise.all(
    workers.map((w) => {
      const reply = nextMessage<T>(w, type, id);
      send(w);
      return reply;
    }),
  );
}

export function relayToWorkers(count: number): void {
  let ready = 0;
  cluster.on('message', (_w, msg: { type: string }) => {
    if (msg.type === 'bench:ready' && ++ready === count) process.send?.({ type: 'bench:ready' });
  });
  const workers = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  process.on('message', async (msg: BenchRequest) => {
    if (msg.type === 'bench:stats') {
      const replies = await fromEach<{ stats: ChildStats }>(workers(), 'bench:stats', msg.id, (w) => w.send(msg));
      const own = process.cpuUsage();
      const stats = replies.reduce(
        (sum, { stats: s }) => ({
          cpuMicros: sum.cpuMicros + s.cpuMicros,
          rss: sum.rss + s.rss,
          heapUsed: sum.heapUsed + s.heapUsed,
          processes: sum.processes + 1,
        }),
        { cpuMicros: own.user + own.system, rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed, processes: 1 },
      );
      process.send?.({ type: 'bench:stats', id: msg.id, stats });
    } else if (msg.type.startsWith('bench:profile-')) {
      await fromEach(workers(), 'bench:profiled', msg.id, (w) => w.send({ ...msg, file: msg.file?.replace(/\.cpuprofile$/, `.worker${w.id}.cpuprofile`) }));
      process.send?.({ type: 'bench:profiled', id: msg.id });
    } else if (msg.type === 'bench:exit') {
      // Stopped as an operator stops the bot: the primary passes SIGTERM on and exits after its workers.
      process.kill(process.pid, 'SIGTERM');
    }
  });
}
