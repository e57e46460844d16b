import { Template } from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';

/** An Adaptive Card as JSON (after template expansion). */
export type CardJson = Record<string, unknown>;

/**
 * Each template parsed once: `new Template` parses every `${…}` expression in the template (most
 * of what a card used to cost), while `expand` only evaluates them. Keyed by the template object,
 * the imported JSON module, which nothing changes after import.
 */
const prepared = new WeakMap<object, Template>();

function templateFor(template: object): Template {
  let t = prepared.get(template);
  if (!t) {
    t = new Template(template);
    prepared.set(template, t);
  }
  return t;
}

/**
 * Expand an Adaptive Card template (adaptivecards-templating syntax: `${expr}`, `$data`,
 * `$when`) with `data` as `$root`. Strings in the data are inserted as they are: an
 * expression inside a passage is never evaluated.
 */
export function expandCard(template: object, data: object): CardJson {
  const { $schema: _schema, ...card } = templateFor(template).expand({ $root: data }) as CardJson;
  return card;
}

/** Expand a template and wrap it as a Bot Framework attachment. */
export function renderCard(template: object, data: object): Attachment {
  return CardFactory.adaptiveCard(expandCard(template, data));
}
