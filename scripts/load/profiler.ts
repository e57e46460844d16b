import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * A CPU profile of this process over a window the load benchmark chooses (the measured run only,
 * not start-up), written as a .cpuprofile that Chrome DevTools and `profile-summary.ts` read.
 */
export class WindowProfiler {
  private readonly session = new Session();

  constructor() {
    this.session.connect();
  }

  private post(method: string, params?: object): Promise<unknown> {
    return new Promise((resolve, reject) => this.session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
  }

  async start(): Promise<void> {
    await this.post('Profiler.enable');
    await this.post('Profiler.setSamplingInterval', { interval: 200 });
    await this.post('Profiler.start');
  }

  async stop(file: string): Promise<void> {
    const { profile } = (await this.post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
  }
}
