import { drain } from '../../bot/drain';
import { personalMessage, postActivity, startBot, startConnector, type ConnectorListener, type RunningBot } from './helpers';

/** Shutting down against the real server: turns in flight finish, new ones are refused, a stuck one does not hold the exit for ever. */

let connector: ConnectorListener;
let bot: RunningBot;
/** Turns of the 'hold' command wait here until the test lets them go. */
let release: () => void = () => undefined;
let held = new Promise<void>((resolve) => (release = resolve));

beforeEach(async () => {
  held = new Promise<void>((resolve) => (release = resolve));
  connector = await startConnector();
  bot = await startBot({
    bare: true,
    setup: (b) =>
      b.registerCommand({
        name: 'hold',
        match: (t) => t === 'hold',
        handle: async ({ turn }) => {
          await held;
          await turn.sendActivity('finished');
        },
      }),
  });
});

afterEach(async () => {
  release();
  await bot.close();
  await connector.close();
});

async function whenInFlight(n: number): Promise<void> {
  while (bot.turns.inFlight < n) await new Promise((r) => setTimeout(r, 10));
}

/** A request after draining began: refused at the door (503) or not connected at all. */
async function refused(): Promise<boolean> {
  try {
    return (await postActivity(bot.url, personalMessage(connector.serviceUrl, 'help'))).status === 503;
  } catch {
    return true;
  }
}

test('a turn in flight finishes and its reply is sent; new requests are refused; then drain reports done', async () => {
  const running = postActivity(bot.url, personalMessage(connector.serviceUrl, 'hold'));
  await whenInFlight(1);
  const draining = drain(bot.server, bot.turns, 10000);
  expect(bot.turns.accepting).toBe(false);
  expect(await refused()).toBe(true);

  release();
  expect((await running).status).toBe(200);
  expect(connector.take().map((r) => r.activity.text)).toEqual(['finished']);
  expect(await draining).toEqual({ drained: true, abandoned: 0 });
});

test('with nothing in flight, drain is done at once', async () => {
  expect(await drain(bot.server, bot.turns, 10000)).toEqual({ drained: true, abandoned: 0 });
});

test('a turn that overruns the limit is abandoned, and drain says so', async () => {
  void postActivity(bot.url, personalMessage(connector.serviceUrl, 'hold')).catch(() => undefined);
  await whenInFlight(1);
  expect(await drain(bot.server, bot.turns, 200)).toEqual({ drained: false, abandoned: 1 });
});
