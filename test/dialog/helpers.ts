import { findNodes } from '../bot/helpers';

type Node = Record<string, unknown>;

/**
 * What a card's inputs hold, as a client sends them: strings, and only inputs that are set
 * (Adaptive Cards leaves out an empty input or a multi-select with nothing ticked).
 */
export function inputValues(card: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const n of findNodes(card, (x) => typeof x.type === 'string' && x.type.startsWith('Input.') && typeof x.id === 'string')) {
    const v = n.value;
    if (v === undefined || v === null || v === '') continue;
    values[n.id as string] = String(v);
  }
  return values;
}

/** The Action.Submit with this title (anywhere in the card, show-cards included). */
export function submitAction(card: unknown, title: string | RegExp): Node {
  const [action] = findNodes(card, (n) => n.type === 'Action.Submit' && (typeof title === 'string' ? n.title === title : title.test(String(n.title))));
  if (!action) throw new Error(`no Action.Submit "${String(title)}" on the card`);
  return action;
}

/**
 * The activity value a client sends when `title` is pressed: the button's data with the card's
 * inputs merged over it (after `edit` changes them, as a user would), unless the button asks
 * for no inputs.
 */
export function pressed(card: unknown, title: string | RegExp, edit: (inputs: Record<string, string>) => void = () => undefined): Record<string, unknown> {
  const action = submitAction(card, title);
  const inputs = inputValues(card);
  edit(inputs);
  for (const [k, v] of Object.entries(inputs)) if (v === '') delete inputs[k];
  const data = (action.data ?? {}) as Record<string, unknown>;
  return String(action.associatedInputs).toLowerCase() === 'none' ? { ...data } : { ...data, ...inputs };
}

/** A multi-select value with `id` removed or added. */
export function untick(list: string | undefined, id: string): string {
  return (list ?? '')
    .split(',')
    .filter((x) => x && x !== id)
    .join(',');
}
export function tick(list: string | undefined, id: string): string {
  return [...new Set([...(list ?? '').split(',').filter(Boolean), id])].join(',');
}
