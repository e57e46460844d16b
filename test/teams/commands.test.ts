import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../knowledge/paths';
import { validateCard } from '../../cards/validate';
import { cardText, cardsIn, findNodes, personalMessage, sendToBot, useBotAndConnector } from '../bot/helpers';

const h = useBotAndConnector();
const send = (text: string | undefined, value?: unknown) =>
  sendToBot(h.bot, h.connector, personalMessage(h.connector.serviceUrl, text, value === undefined ? {} : { value }));

interface ManifestCommand {
  title: string;
}
const manifest = JSON.parse(readFileSync(join(projectRoot, 'manifest', 'manifest.template.json'), 'utf8')) as {
  bots: { commandLists: { scopes: string[]; commands: ManifestCommand[] }[] }[];
};
const advertised = [...new Set(manifest.bots.flatMap((b) => b.commandLists.flatMap((l) => l.commands.map((c) => c.title))))];

test.each(advertised)('the manifest command "%s" is a command the bot knows, not a policy question', (title) => {
  expect(h.bot.bot.commandFor(title)).toBeDefined();
});

test('"library" offers a card that opens the library tab', async () => {
  const [card] = cardsIn(await send('library'));
  expect(validateCard(card!)).toEqual([]);
  const urls = findNodes(card, (n) => n.type === 'Action.OpenUrl').map((n) => String(n.url));
  expect(urls).toEqual(['https://policy.example.org/tab/library']);
});

test('"pathways" opens the asker\'s own authority\'s routes, and that section exists on the tab', async () => {
  const authority = h.bot.bot.authorities[0]!;
  await send(undefined, { verb: 'setAuthority', authority: authority.id });
  const [card] = cardsIn(await send('pathways'));
  expect(validateCard(card!)).toEqual([]);
  expect(cardText(card)).toContain(authority.name);
  const url = String(findNodes(card, (n) => n.type === 'Action.OpenUrl')[0]!.url);
  expect(url).toBe(`https://policy.example.org/tab/pathways#pathways-${authority.id}`);
  const page = await (await fetch(`${h.bot.url}/tab/pathways`)).text();
  expect(page).toContain(`id="pathways-${authority.id}"`);
});
