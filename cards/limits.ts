/**
 * What Teams accepts in a card. Apart from cards/validate.ts so that the bot can check a card's
 * size without loading the Adaptive Cards parser, which only the tests need.
 */

/** Highest schema version Teams renders everywhere (desktop, web, mobile). */
export const MAX_CARD_VERSION = 1.5;
/** Teams rejects messages over about 28 KB; leave room for the activity envelope. */
export const MAX_CARD_BYTES = 24_000;
