import type * as AdaptiveCards from 'adaptivecards';
import { MAX_CARD_BYTES, MAX_CARD_VERSION } from './limits';

// The package's main entry is ESM-only under Node; the UMD build parses and validates without a DOM.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/**
 * Problems with a card, as readable strings; an empty array means the card is fine.
 * Uses the adaptivecards parser (parse events and property validation), plus checks the
 * parser does not make: version ceiling, size, toggle targets, unexpanded template text.
 */
export function validateCard(card: object, maxVersion = MAX_CARD_VERSION): string[] {
  const errors: string[] = [];
  const ctx = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) {
    const e = ctx.getEventAt(i);
    errors.push(`parse: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) {
    errors.push(`validate: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }

  const json = card as { type?: unknown; version?: unknown };
  if (json.type !== 'AdaptiveCard') errors.push('type must be "AdaptiveCard"');
  if (typeof json.version !== 'string' || !(Number(json.version) <= maxVersion)) {
    errors.push(`version must be ${maxVersion} or lower (got ${String(json.version)})`);
  }
  const text = JSON.stringify(card);
  if (Buffer.byteLength(text) > MAX_CARD_BYTES) errors.push(`card is ${Buffer.byteLength(text)} bytes; keep it under ${MAX_CARD_BYTES}`);
  // Left-over template keys, or a value that is a whole unexpanded expression.
  if (/"\$(?:data|when|root)"\s*:|"\$\{[^"]*\}"/.test(text)) errors.push('card contains unexpanded template syntax');

  const ids = new Set<string>();
  const targets: string[] = [];
  walk(card, (node) => {
    if (typeof node.id === 'string') ids.add(node.id);
    if (node.type === 'Action.ToggleVisibility' && Array.isArray(node.targetElements)) {
      for (const t of node.targetElements) targets.push(typeof t === 'string' ? t : String((t as { elementId?: unknown }).elementId));
    }
    if (node.type === 'TextBlock' && (typeof node.text !== 'string' || node.text.trim() === '')) errors.push('a TextBlock has no text');
  });
  for (const t of targets) if (!ids.has(t)) errors.push(`Action.ToggleVisibility targets missing element "${t}"`);
  return errors;
}

function walk(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) for (const n of node) walk(n, visit);
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    for (const v of Object.values(node)) walk(v, visit);
  }
}
