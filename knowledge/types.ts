/**
 * Plain data shapes shared by the knowledge build, the engines, the CLI and the bot.
 * Engines return these; only the card layer turns them into Adaptive Cards.
 */

/** Front matter of a source document (knowledge/sources/<id>.md). */
export interface DocumentMeta {
  id: string;
  title: string;
  publisher: string;
  /** Authority ids this document speaks for. Empty for national guidance. */
  authorities: string[];
  /** As printed: YYYY, YYYY-MM or YYYY-MM-DD. */
  issued: string;
  reviewDue: string | null;
  reviewNote?: string;
  url?: string;
  /** True for the project's own national-guidance source, written from public facts. */
  national?: boolean;
}

/** The unit of citation: a paragraph, list or table-row group, verbatim from its source. */
export interface Passage {
  /** Stable id: `${docId}#${ordinal}`. */
  id: string;
  docId: string;
  /** Section titles from the top, e.g. ["4 Thresholds", "4.2 Children's services"]. */
  sectionPath: string[];
  /** sectionPath joined with " › ". */
  section: string;
  /** Anchor of the section in the library tab, e.g. "camden-joint-protocol--4-2-childrens-services". */
  anchor: string;
  /** Verbatim slice of the source, whitespace folded. */
  text: string;
  /** Display text: conversion debris removed (markdown emphasis, [x](#) links, HTML cells). */
  display: string;
  /** Position in the document, from 0. */
  ordinal: number;
}

/** Where a passage comes from, as shown under every answer and triage reason. */
export interface Citation {
  docId: string;
  passageId: string;
  title: string;
  publisher: string;
  authorities: string[];
  section: string;
  anchor: string;
  issued: string;
  reviewDue: string | null;
  /** True when reviewDue has passed on the day the citation is made. */
  reviewOverdue: boolean;
  national: boolean;
  /** Annotation where later law or guidance supersedes what the passage says. */
  supersededNote?: string;
}
