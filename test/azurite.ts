import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { projectRoot } from '../knowledge/paths';
import { freePort } from '../scripts/free-port';

/** The well-known Azurite development account key (public, documented by Microsoft). */
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  /** A storage connection string for the development account on this instance. */
  connectionString: string;
  stop(): Promise<void>;
}

async function waitForPort(port: number, child: ChildProcess, name: string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((r) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.end(), r(true)));
      socket.once('error', () => r(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Azurite's blob or table service (the devDependency, the storage emulator users have), on a free local port, data in `dir`. */
export async function startAzurite(service: 'blob' | 'table', dir: string): Promise<RunningAzurite> {
  const port = await freePort();
  const name = `azurite-${service}`;
  const child = spawn(
    resolve(projectRoot, `node_modules/.bin/${name}`),
    ['--silent', '--disableTelemetry', '--skipApiVersionCheck', '--location', dir, `--${service}Host`, '127.0.0.1', `--${service}Port`, String(port)],
    { stdio: 'ignore' },
  );
  await waitForPort(port, child, name);
  const endpoint = `${service === 'blob' ? 'Blob' : 'Table'}Endpoint=http://127.0.0.1:${port}/devstoreaccount1`;
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};${endpoint};`,
    stop: async () => {
      if (child.exitCode !== null) return;
      await new Promise((r) => {
        child.once('exit', r);
        child.kill();
      });
    },
  };
}
