import { loadTriageKnowledge } from '../../knowledge/triage';
import { cardText, findNodes, personalMessage, sendToBot } from '../bot/helpers';
import { blocks, usePersonalChat } from './personal-chat';

const { h, send, useAuthority, cardFor } = usePersonalChat();
const tk = loadTriageKnowledge();

describe('escalation routes', () => {
  test("Sutton: DA champions, the MARAC coordinator and the manager-oversight rules, each with Sutton's directive as its source", async () => {
    await useAuthority('sutton');
    const card = await cardFor('escalation');
    const text = cardText(card);
    expect(text).toContain('Escalation routes: Sutton');
    expect(text).toContain('Victoria Weston-Shaw (Blue Locality)');
    expect(text).toContain('Adam French');
    expect(text).toMatch(/Seek oversight from a manager\./);
    expect(text).toMatch(/no recourse to public funds/i);
    expect(text).toMatch(/Inform senior management and hold a strategy meeting/);
    // Every point is followed by its source, and every source is Sutton's own directive.
    const sources = blocks(card).filter((t) => t.includes('Source: '));
    expect(sources.length).toBeGreaterThanOrEqual(tk.authorities.sutton!.escalation.length);
    for (const s of sources) expect(s).toContain("Children's Social Care - Practice Directive No. 26");
    const links = sources.map((s) => /\(([^)]+\/tab\/library#[^)]+)\)/.exec(s)?.[1]);
    expect(links.every(Boolean)).toBe(true);
  });

  test("Sutton's directive says nothing about professional disagreements or out of hours, and the card says so", async () => {
    await useAuthority('sutton');
    const card = await cardFor('who do I escalate to?');
    const all = blocks(card);
    const silentAfter = (label: string) => all[all.indexOf(label) + 1];
    expect(silentAfter('Resolving professional disagreements')).toBe('The Sutton documents do not say.');
    expect(silentAfter('Out of hours')).toBe('The Sutton documents do not say.');
    // Camden's escalation policy is not borrowed.
    expect(cardText(card)).not.toContain('Camden');
  });

  test("Camden: disagreements go to the Safeguarding Children Board's escalation policy, cited to Camden's protocol", async () => {
    await useAuthority('sutton');
    const card = await cardFor('who should we escalate a concern to in Camden');
    const all = blocks(card);
    expect(all[0]).toBe('Escalation routes: Camden');
    const at = all.findIndex((t) => t.startsWith('Follow the Camden Safeguarding Children Board escalation policy'));
    expect(at).toBeGreaterThan(0);
    expect(all.slice(at, at + 4).join(' ')).toContain('Source: Joint protocol on working with families affected by domestic abuse');
    expect(cardText(card)).toContain("The Head of Children's Quality Assurance is the LADO.");
    expect(cardText(card)).toContain('020 7974 6669');
    // Camden's protocol names no domestic abuse champions.
    expect(all[all.indexOf('Domestic abuse champions') + 1]).toBe('The Camden documents do not say.');
  });

  test('Wandsworth, whose practice approach names no escalation route for disagreements or oversight, gets "do not say" there', async () => {
    await useAuthority('wandsworth');
    const card = await cardFor('Escalation routes');
    const silent = blocks(card).filter((t) => t === 'The Wandsworth documents do not say.');
    const topics = tk.escalation.topics.length;
    const covered = new Set(tk.authorities.wandsworth!.escalation.map((e) => e.topic)).size;
    expect(silent).toHaveLength(topics - covered);
    expect(cardText(card)).toContain('Hestia IDVA service');
  });

  test('with no authority chosen, the bot asks for one first', async () => {
    const replies = await sendToBot(h.bot, h.connector, personalMessage(h.connector.serviceUrl, 'escalation', { from: { id: '29:someone-new', name: 'New' } }));
    expect(replies[0]!.activity.text).toMatch(/Set your authority first/);
  });
});

describe('compare <topic>', () => {
  test('compare LADO sets every authority side by side: Camden and Lambeth cited, the silent ones say so', async () => {
    await useAuthority('lambeth');
    const card = await cardFor('compare LADO');
    const text = cardText(card);
    expect(blocks(card)[0]).toMatch(/^Compared across authorities: LADO/);
    const names = findNodes(card, (n) => n.type === 'ColumnSet').map((c) => blocks((c.columns as unknown[])[0])[0]);
    expect(names[0]).toBe('Lambeth');
    expect(names).toHaveLength(Object.keys(tk.authorities).length);
    expect(text).toContain('LADO@lambeth.gov.uk');
    expect(text).toContain("Head of Children's Quality Assurance");
    for (const silent of ['Sutton', 'Wandsworth', 'Staffordshire', 'Stoke-on-Trent']) expect(text).toContain(`The ${silent} documents do not say.`);
    expect(text).not.toContain('The Camden documents do not say.');
  });

  test('compare escalation gathers managers, disagreements and oversight, each point labelled with its topic', async () => {
    await useAuthority('camden');
    const card = await cardFor('compare escalation across authorities');
    const text = cardText(card);
    expect(text).toContain('Resolving professional disagreements');
    expect(text).toContain('Manager oversight and senior-management notification');
    expect(text).toContain('Seek oversight from a manager.');
    expect(text).toContain('The Wandsworth documents do not say.');
  });

  test('"compare" alone lists the topics; "compare" with words that are not a topic stays a policy question', async () => {
    const replies = await send('compare');
    expect(replies[0]!.activity.text).toMatch(/out of hours/);
    expect(h.bot.bot.commandFor('compare MARAC thresholds across authorities')).toBeUndefined();
  });
});

describe('ordinary policy questions still get policy answers', () => {
  test.each([
    'what does the escalation policy say about disagreements between services in Camden',
    'who do I escalate to if mum refuses the IDVA',
    'compare MARAC thresholds across authorities',
    'services offered by Camden Safety Net to victims',
    'escalation policy for professional disagreements in Camden',
  ])('"%s" is answered from the documents, not by a command', async (question) => {
    expect(h.bot.bot.commandFor(question)).toBeUndefined();
    await useAuthority('camden');
    const expected = await h.bot.bot.services.engine.answer(question, { authority: 'camden' });
    const card = await cardFor(question);
    const text = cardText(card);
    expect(text).not.toMatch(/Escalation routes:|Compared across authorities|^Services:/);
    expect(text).toContain(expected.results[0]!.citation.title);
  });
});
