import './known-warnings';
import { spawn } from 'node:child_process';
import cluster from 'node:cluster';
import { announceListening, runPrimary } from './cluster';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config';
import { createTurnTracker, exitGracefullyOnSignals } from './drain';
import { errorSite } from './error-site';
import { createLogger } from './log';

const log = createLogger();

function openBrowser(url: string): void {
  // Best effort, dev only: never let a missing opener or display affect start-up.
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay || process.env.CI) return;
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // ignore
  }
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  if (cluster.isPrimary) warn(config);
  // With WORKERS above 1 this process only forks and watches the workers; it loads nothing of the bot.
  if (config.workers > 1 && cluster.isPrimary) return runPrimary({ workers: config.workers, shutdownTimeoutMs: config.shutdownTimeoutMs, log });

  // Loaded here, not at the top, so that a primary starts its workers at once.
  const { createApp } = await import('./app');
  const turns = createTurnTracker();
  const server = createApp(config, log, { turns });
  exitGracefullyOnSignals({ server, turns, timeoutMs: config.shutdownTimeoutMs, log });
  server.listen(config.port, config.host, () => {
    log.info('listening', {
      host: config.host,
      port: config.port,
      storage: config.storage.kind,
      feedback: config.feedback.kind,
      champions: config.championIds.length,
      localChat: config.localChat,
      worker: cluster.worker?.id,
    });
    announceListening();
    if (config.localChat) {
      const url = `http://localhost:${config.port}/`;
      console.log(`Local chat: ${url}`);
      if (config.openBrowser) openBrowser(url);
    }
  });
}

function warn(config: Config): void {
  if (config.localChatUnsafe) {
    console.warn(
      'LOCAL_CHAT is on with MicrosoftAppId set (LOCAL_CHAT_UNSAFE=true): the local chat bypasses Bot Framework authentication. Never expose this server.',
    );
  }
  if (config.authDisabled) {
    console.warn('Authentication is OFF: no MicrosoftAppId is set, so /api/messages accepts unauthenticated requests. Use this only on your own machine.');
  }
}

main().catch((err: unknown) => {
  // Never the stack or the error's own fields (Node prints a bad URL's input, which may be a secret):
  // settings are checked before anything uses them, so what is left is a missing build or a bug.
  const what = err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error';
  console.error(err instanceof ConfigError ? err.message : `Start-up failed: ${what} (at ${errorSite(err) ?? 'unknown'})`);
  process.exit(1);
});
