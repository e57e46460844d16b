import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../knowledge/paths';
import type { BenchMode, BenchRequest, ChildStats } from './server-child';
import { freePort } from '../free-port';
import { nextMessage } from './next-message';

/** A server under load, running in its own process(es), and how to ask it for its figures. */
export interface RunningServer {
  url: string;
  /** CPU time and memory of every process serving (after a full garbage collection when `gc`). */
  stats(gc?: boolean): Promise<ChildStats>;
  /** Start a CPU profile; the returned function ends it and writes it to `file` (one per worker). */
  profile(): Promise<(file: string) => Promise<void>>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  mode: BenchMode;
  /** A JSON file of the questions the stub engine answers from its map. */
  questionsFile: string;
  workers: number;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-load-data-'));
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(projectRoot, 'scripts', 'load', 'server-child.ts')], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      MicrosoftAppId: '',
      LOCAL_CHAT: 'false',
      OPEN_BROWSER: 'false',
      STORAGE: 'file',
      STORAGE_DIR: dataDir,
      PUBLIC_BASE_URL: 'https://policy.example.org',
      RATE_LIMIT_PER_MINUTE: '10000',
      WORKERS: String(opts.workers),
      BENCH_MODE: opts.mode,
      BENCH_QUESTIONS: opts.questionsFile,
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await nextMessage(child, 'bench:ready');
  let asked = 0;
  const ask = async <T>(request: Omit<BenchRequest, 'id'>, reply: string): Promise<T> => {
    const id = ++asked;
    const answer = nextMessage<T>(child, reply, id);
    child.send({ ...request, id });
    return answer;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    stats: async (gc = false) => (await ask<{ stats: ChildStats }>({ type: 'bench:stats', gc }, 'bench:stats')).stats,
    profile: async () => {
      await ask({ type: 'bench:profile-start' }, 'bench:profiled');
      return async (file) => void (await ask({ type: 'bench:profile-stop', file }, 'bench:profiled'));
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'bench:exit' } satisfies BenchRequest);
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
