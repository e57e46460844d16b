/**
 * `npm run --silent local:id -- <local user id>`: the Entra object id the local chat gives that user (bot/local-chat.ts),
 * to put in CHAMPION_IDS and try `report` or a champion's reply locally. The local user id is in the chat page's
 * localStorage, under `spa-local-user-id` (the browser's developer tools, Application or Storage tab).
 */
import { localObjectId } from '../bot/local-chat';

const userId = process.argv[2];
if (!userId || !/^local-[A-Za-z0-9_-]{8,}$/.test(userId)) {
  console.error('Usage: npm run --silent local:id -- <local user id> (local-… from localStorage "spa-local-user-id" on the local chat page)');
  process.exit(2);
}
console.log(localObjectId(userId));
