import { cardText, findNodes } from '../bot/helpers';
import { blocks, usePersonalChat } from './personal-chat';

const { h, send, useAuthority, cardFor } = usePersonalChat();

/** Service names in the card, under the section heading that starts with `section`. */
function namesUnder(card: unknown, section: string): string[] {
  const container = findNodes(card, (n) => n.type === 'Container' && blocks(n)[0]?.startsWith(section) === true)[0];
  return findNodes(container, (n) => n.type === 'TextBlock' && n.weight === 'Bolder')
    .map((n) => String(n.text))
    .slice(1);
}

describe('services <need>, in everyday words', () => {
  test('"a dad who wants to stop" in Wandsworth: Caring Dads and RISE, with their email and source', async () => {
    await useAuthority('wandsworth');
    const card = await cardFor('services for a dad who wants to stop');
    expect(blocks(card)[0]).toBe('Services: Perpetrator programmes');
    const local = namesUnder(card, 'In Wandsworth');
    expect(local).toEqual(expect.arrayContaining(['Caring Dads (Wandsworth LINKs)', 'RISE perpetrator programmes']));
    const text = cardText(card);
    expect(text).toContain('WandsworthLINKS@richmondandwandsworth.gov.uk');
    expect(text).toContain('Source: Our Practice Approach to Domestic Abuse');
    // No national perpetrator service is listed in the documents, and the card says so.
    expect(text).toContain('The documents list no national service for this.');
  });

  test('"somewhere she can just walk in" finds the drop-in One Stop Shops', async () => {
    await useAuthority('wandsworth');
    const card = await cardFor('services somewhere she can just walk in');
    expect(blocks(card)[0]).toBe('Services: Drop-in (no appointment)');
    expect(namesUnder(card, 'In Wandsworth')).toEqual(['Domestic Abuse One Stop Shops']);
    expect(cardText(card)).toMatch(/no appointment necessary/);
  });

  test("a man abused by his wife, in Lambeth: the national men's helplines come after Lambeth's own (none), each with a tap-to-call number", async () => {
    await useAuthority('lambeth');
    const card = await cardFor('services for a man being abused by his wife');
    expect(blocks(card)[0]).toBe('Services: Male victims');
    expect(cardText(card)).toContain('The Lambeth documents list no service for this.');
    expect(namesUnder(card, 'National')).toEqual(expect.arrayContaining(["Men's Advice Line", 'The Mankind National Initiative Helpline']));
    const calls = findNodes(card, (n) => n.type === 'Action.OpenUrl' && String(n.url).startsWith('tel:')).map((n) => String(n.url));
    expect(calls).toContain('tel:+448088010327');
  });

  test("the asker's authority comes first: Stoke-on-Trent's refuges before the national list", async () => {
    await useAuthority('stoke-on-trent');
    const card = await cardFor('services somewhere safe to stay tonight');
    const all = blocks(card);
    expect(all.findIndex((t) => t === 'In Stoke-on-Trent')).toBeLessThan(all.findIndex((t) => t.startsWith('National')));
    expect(namesUnder(card, 'In Stoke-on-Trent')).toContain('Glow (formerly ARCH Domestic Abuse Services)');
  });

  test.each([
    ['being made to marry her cousin', 'Honour-based abuse and forced marriage', 'Karma Nirvana'],
    ['her girlfriend hits her', 'LGBT+', 'Galop National LGBT+ Domestic Abuse Helpline'],
    ['nan in her 80s', 'Older people', 'Hourglass'],
    ['uses sign language', 'Deaf people', 'SignHealth'],
    ['support for the kids', 'Children and young people', 'ChildLine'],
  ])('"%s" is read as %s', async (words, label, service) => {
    await useAuthority('camden');
    const card = await cardFor(`services ${words}`);
    expect(blocks(card)[0]).toBe(`Services: ${label}`);
    expect(cardText(card)).toContain(service);
    // The card never repeats what was typed.
    expect(cardText(card)).not.toContain(words);
  });

  test('"services" alone explains how to ask; words that name no need are a policy question', async () => {
    const replies = await send('services');
    expect(replies[0]!.activity.text).toMatch(/Type \*\*services\*\*/);
    expect(h.bot.bot.commandFor('services offered by the MASH')).toBeUndefined();
  });
});
