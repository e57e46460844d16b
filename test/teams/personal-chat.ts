import { validateCard } from '../../cards/validate';
import { cardsIn, findNodes, personalMessage, sendToBot, useBotAndConnector } from '../bot/helpers';

/** A personal chat with the real bot for one test file: say things, choose an authority, get the one card a message brings. */
export function usePersonalChat() {
  const h = useBotAndConnector();
  const send = (text: string | undefined, value?: unknown) =>
    sendToBot(h.bot, h.connector, personalMessage(h.connector.serviceUrl, text, value === undefined ? {} : { value }));
  const useAuthority = (authority: string) => send(undefined, { verb: 'setAuthority', authority });
  /** The one card a message gets, checked with the adaptivecards parser. */
  async function cardFor(text: string): Promise<Record<string, unknown>> {
    const cards = cardsIn(await send(text));
    expect(cards).toHaveLength(1);
    expect(validateCard(cards[0]!)).toEqual([]);
    return cards[0]!;
  }
  return { h, send, useAuthority, cardFor };
}

/** Text blocks of a card, in order. */
export const blocks = (card: unknown) => findNodes(card, (n) => n.type === 'TextBlock').map((n) => String(n.text));
