import type { TurnContext } from 'botbuilder';
import { formatIssued } from '../../cards/citation-text';
import type { PolicyBot } from '../handler';
import { hashId } from '../log';
import { fill, INDUCTION_MESSAGES as W } from '../messages';
import type { SharedCompletions } from './shared';

/**
 * `induction status @colleague`: the manager's view. It shows only a completion date the
 * colleague chose to share, and the same words whether they have not finished or not shared.
 * The colleague is named by a Teams @mention; their id is hashed as state ids are.
 */

interface Mentioned {
  id: string;
  name: string;
}

/** The people @mentioned in the message, other than the bot. */
function mentionedPeople(turn: TurnContext): Mentioned[] {
  const botId = turn.activity.recipient?.id;
  return (turn.activity.entities ?? []).flatMap((e) => {
    const m = (e as { type?: string; mentioned?: { id?: unknown; name?: unknown } }).mentioned;
    if (e.type !== 'mention' || typeof m?.id !== 'string' || m.id === botId) return [];
    return [{ id: m.id, name: typeof m.name === 'string' && m.name.trim() ? m.name.trim() : '' }];
  });
}

export async function sendInductionStatus(bot: PolicyBot, shared: SharedCompletions, turn: TurnContext): Promise<void> {
  const people = mentionedPeople(turn);
  bot.services.log.info('induction', { activityId: turn.activity.id, action: 'status', people: people.length });
  if (people.length === 0) {
    await turn.sendActivity(W.statusHowTo);
    return;
  }
  const hashed = bot.services.store?.hashId ?? hashId;
  const lines: string[] = [];
  for (const person of people.slice(0, 10)) {
    const date = await shared.completedOn(hashed(person.id));
    const name = person.name || '?';
    lines.push(date ? fill(W.statusShared, { name, date: formatIssued(date) }) : fill(W.statusNotShared, { name }));
  }
  await turn.sendActivity(lines.join('\n\n'));
}
