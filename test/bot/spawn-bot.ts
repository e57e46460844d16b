import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../knowledge/paths';

/**
 * The bot as its own process, as `npm start` runs it, with exactly the environment given. tsx is a
 * loader in the bot's own process, not its CLI wrapper: a signal goes straight to the bot (the
 * wrapper relays it, and under load a relayed SIGTERM was seen to end the bot unlogged).
 */
export function spawnBot(env: NodeJS.ProcessEnv, stdio: StdioOptions): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'bot', 'index.ts')], { cwd: projectRoot, env, stdio });
}

/** Poll until `check` holds (a check that throws has not held yet), or fail naming what was awaited. */
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (
    !(await Promise.resolve()
      .then(check)
      .catch(() => false))
  ) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
