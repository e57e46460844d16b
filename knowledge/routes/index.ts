/**
 * Escalation routes and services as a person asks for them: which need a few everyday words
 * mean, which compare topic, whether a message asks for the escalation card, and an
 * authority's routes grouped for a card. Pure functions over the compiled triage knowledge.
 */
export { findNeeds } from './find-needs';
export { servicesFor, type ServicesForNeeds } from './services-for';
export { askedForEscalation, compareTopicNames, findCompareTopic, type CompareTopic } from './escalation-topics';
export { entriesFor, escalationSections, type EscalationEntryView, type EscalationSectionView, type EscalationTopicView } from './escalation-view';
export { normalisePhrase } from './phrase-match';
