import { words } from '../text/analyzer';

/**
 * The one vocabulary of answer shapes (a phone number, an email, a contact route, a figure, a
 * timescale): how a question asks for one, and which of its words stand for it.
 */
export type AnswerShape = 'phone' | 'email' | 'contact' | 'figure' | 'time';

/** What kind of answer a question wants; ranking favours passages of that shape. */
export interface QuestionKind {
  /** Wants a phone number. */
  phone: boolean;
  /** Wants an email address. */
  email: boolean;
  /** Wants a person, team or contact route. */
  who: boolean;
  /** Wants a figure. */
  stats: boolean;
  /** Wants a timescale, frequency or opening time ("how long", "how often", "deadline", "when"). */
  time: boolean;
  /** "What is X" / "what does X mean": the words of X. */
  definitionOf?: string[];
  /** "What is X for", "when do we use X", "what's the point of X": what X is used to do. */
  purpose: boolean;
}

/**
 * A number to ring is wanted ("ring her back", "ring round" are things to do, not numbers); "a phone referral" or "a telephone call" is a way of doing something, not a number,
 * "what people call the DASH" names a thing, "something on her phone" or "an app on mum's phone" is the device,
 * "he blocked my number" is hers, not one to ring, and "a DA call" or "a 999 call" is an incident the police attended.
 */
const PHONE =
  /(?<!\b(?:by|over\s+the|on\s+the|via|her|his|my|their|your|a|new)\s+)(?<!\b(?:mum|mam|mom|dad|ex|partner|son|daughter|kid|child|girl|boy|victim|perp|nan|gran)(?:['’]?s)?\s+)\b(?:phone|telephone|tel)\b(?!\s+(?:referrals?|calls?|consultations?|conversations?|discussions?|contact|support|line))|(?<!\b(?:my|her|his|their|our)\s+)\b(?:number|numbers)\b|\b(?:helpline|hotline|contact details?)\b|\bring\b(?!\s+(?:me|her|him|them|us|you|back|mum|dad|round|around)\b)|(?<!\b(?:my|your|our|their|his|her|a|the|judgement|tough|difficult|final|people|they|we|others|everyone|colleagues|staff|da|dv|domestic|999|police|emergency|welfare)\s+)\bcall\b(?!\s*-?\s*outs?)(?<!\b(?:make|makes|made|making)\s+(?:that|the|a|this)\s+call)/i;
/** An email address is wanted when asked for, or when asked where to send something (not where to send a person: "where do I send dad" asks for a service). */
const EMAIL =
  /\b(e-?mail|email address|inbox)\b|\bwhere\b.*\b(send|submit)\b(?!\s+(?:him|her|them|dad|mum|people|famil\w+|perp\w*|the\s+(?:family|kids|children|perp\w*|dad|mum|father|mother|client)\b))|\b(send|submit)\b.*\b(to|where)\s*\??\s*$/i;
/**
 * Not a failed attempt told as context ("couldn't get hold of mum today", "can't reach her"), nor contact as
 * a noun: a child's contact with a parent or the contact team ("took the kids even though the plan says no contact", "the contact team"),
 * nor whether others talk to each other ("do the contact team managers talk to CSN about notifications": how a process runs,
 * not a number to ring; from the fifty-second calibration batch's kinds).
 */
const CONTACT =
  /(?<!\b(?:do|does|did|will|would|should)\s+(?!(?:i|we|you|u)\b)(?:\w+\s+){1,4})(?<!\b(?:not|never|cannot|can't|cant|couldn't|couldnt|could not)\s+(?:\w+\s+)?)(?<!\b(?:at|the|a|of|for|any|no|first|his|her|their|its|supervised|unsupervised|direct|indirect|child|overnight|during|after|before|get|gets|have|has|had|having|allow|allowed|stop|stopped|resume|want|wants|wanted|wanting|request|requests|requested|seek|seeks|seeking|about|re)\s+)\b(contact|reach|get in touch|speak to|talk to|get hold of)\b(?!\s+(?:arrangements?|centre|center|sessions?|visits?|team|order|time|handovers?|plan|issues?)\b)/i;
const WHO = /^\s*who\b|\bwho\s+(is|are|do|does|should|can|will|manages|leads|chairs|has)\b|\bname of\b/i;
/** A figure: a count, a share, a maximum or minimum ("the maximum sentence", "is there a caseload cap"). */
const STATS =
  /\b(how\s+(many|much|common|prevalent|likely|widespread)|percent(age)?|proportion|statistics?|figures?|rates?|what\s+share\s+of|maximum|minimum|max|min|cap|limit)\b|%/i;
/** "How many days/weeks" asks for a timescale, not a statistic. */
const HOW_MANY_UNITS = /\bhow\s+many\s+(?:working\s+)?(?:hours|days|weeks|months|years)\b/i;
/**
 * "When would children be removed" asks for circumstances; "when is it due", "when does it meet" for a time,
 * and so does a frequency offered as a choice ("every day or is it a weekly thing"; the fifty-second batch's kinds).
 */
const TIME =
  /\bhow\s+(long|soon|quickly|often)\b|\b(?:maximum|minimum)\s+(?:duration|length|period|time)\b|\bduration\b|\bhow\s+many\s+(?:working\s+)?(?:hours|days|weeks|months|years)\b|\b(deadlines?|timescales?|time\s*frames?|time\s+limits?|frequency|opening\s+(hours|times))\b|\bby when\b|\bwhat\s+(?:time|day|days|hours)\b|^\s*when\s+(?:is|are|does|do|will)\b.*\b(?:due|meet|meets|held|open|opens|close|closes|run|runs|start|starts|expire|expires|deadline)\b|\b(?:is|was)\s+(?:it|that|this)\s+(?:a\s+)?(?:daily|weekly|fortnightly|monthly|yearly)\b|\b(?:every\s+day|daily|weekly)\s+or\s+(?:every\s+)?(?:week|weekly|month|monthly|fortnightly)\b/i;
const DEFINITION =
  /^\s*what\s+else\s+(?:is|are)\s+(?:an?\s+|the\s+)?(.+?)\s+(?:called|known\s+as)\s*\??\s*$|^\s*(?:what|who)\s*(?:'s|is|are)\s+(?:an?\s+|the\s+)?(.+?)\s*\??\s*$|^\s*what\s+does\s+(.+?)\s+(?:mean|stand for)\s*\??\s*$|^\s*(?:define|definition of|meaning of)\s+(.+?)\s*\??\s*$/i;

/** What a thing is for or when it is used: "what is the matrix for", "what am I supposed to use it for", "what's the point of a RiC". */
const PURPOSE =
  /\b(?:what|which)\b[^?]{0,60}\b(?:for|used for)\s*\??\s*$|\bwhat(?:'s|\s+is)\s+the\s+(?:point|purpose|aim)\s+of\b|\b(?:when|why)\s+(?:do|would|should|are|am|must)\s+(?:we|i|you|they|practitioners|staff)\s+(?:supposed\s+to\s+|meant\s+to\s+|expected\s+to\s+)?(?:use|complete|do|fill)\b|\bwhat\s+(?:do|does|is|are)\b[^?]{0,50}\b(?:used|use|it)\s+for\b/i;

/** "In Camden what is the matrix used for when a referral comes in": the thing whose use is asked. */
const USED_FOR = /\bwhat\s+(?:is|are)\s+(?:an?\s+|the\s+)?(.+?)\s+used\s+for\b/i;
/** "What is the matrix (used) for": the subject is the matrix; the question asks its purpose. */
const PURPOSE_TAIL = /\s+(?:actually\s+|really\s+)?(?:used\s+)?for$/i;
/** Words people put into a definition question that are not part of its subject ("what actually is a MARAC"). */
const HEDGES = /\b(?:actually|exactly|basically|really|even|again|just)\s+/gi;
/** "Is Clare's Law (actually) a thing": asks what the thing is. */
const A_THING = /^\s*(?:is|are)\s+(?:there\s+(?:such\s+a\s+thing\s+as\s+)?)?(?:an?\s+|the\s+)?(.+?)\s+(?:an?\s+)?(?:real\s+|proper\s+|official\s+)?things?\b/i;
/** A subject that points back to a term named elsewhere in the question ("the police did a DIAL - what is that?"). */
const POINTER = /^(?:that|it|this|they|those|these|one|them)$/i;
/** An acronym as typed in capitals (DIAL, MARAC, RiC): the likeliest thing a pointer refers to. */
const ACRONYM = /\b[A-Z][A-Za-z]?[A-Z]{1,5}s?\b/;
/**
 * Natural questions wrap a definition in context: "what's a DIAL? the police keep mentioning it",
 * "the police keep saying they did a DIAL - what is that?", "what is a MARAC and what happens
 * there". Each clause is tried on its own; the first that asks what something is gives the subject.
 */
const CLAUSES =
  /\s*[?!;]+\s*|\.\s+|\s+[-–—]+\s+|\s*,\s*(?=(?:what|who|and|but|so|saw|heard)\b)|\s+(?:and|or|but|so)\s+(?=(?:what|who|how|when|where|why|do|does|is|are|can|will|should|would|whose)\b)/i;

/** A clause's opening joiner or greeting ("but what is …", "ok so what's …"). */
const LEAD_IN = /^(?:(?:and|but|so|or|ok|okay|sorry|hi|hey|quick one|also)\b[,\s]*)+/i;

/** Any comma: "whats csn, the school keeps writing it" (tried only when the clauses give no short subject). */
const ANY_COMMA = /\s*,\s+/;

function definitionSubject(question: string, split: RegExp = CLAUSES): string | undefined {
  const clauses = question
    .replace(HEDGES, '')
    .split(split)
    .map((c) => c.replace(LEAD_IN, ''))
    .filter(Boolean);
  for (const clause of clauses) {
    const m = DEFINITION.exec(clause) ?? A_THING.exec(clause) ?? USED_FOR.exec(clause);
    const subject = m ? (m[1] ?? m[2] ?? m[3] ?? m[4])?.trim().replace(PURPOSE_TAIL, '') : undefined;
    if (!subject) continue;
    if (!POINTER.test(subject)) return subject;
    const named = clauses
      .filter((c) => c !== clause)
      .map((c) => ACRONYM.exec(c)?.[0])
      .find(Boolean);
    if (named) return named;
  }
  return undefined;
}

export function classifyQuestion(question: string): QuestionKind {
  const contact = CONTACT.test(question);
  // "What is coercive, controlling behaviour?" keeps its comma; a long subject is tried again split at commas.
  const whole = definitionSubject(question);
  const subject = whole && words(whole).length > 4 ? (definitionSubject(question, ANY_COMMA) ?? whole) : whole;
  const subjectWords = subject ? words(subject) : [];
  return {
    phone: PHONE.test(question) || (contact && !EMAIL.test(question)),
    email: EMAIL.test(question) || contact,
    who: WHO.test(question) || contact,
    stats: STATS.test(question) && !HOW_MANY_UNITS.test(question),
    time: TIME.test(question),
    // Only short subjects are definitions ("what is a genogram", not "what is the process for …"),
    // and never a request for a contact ("what is the phone number for MASH").
    definitionOf: subjectWords.length > 0 && subjectWords.length <= 4 && !PHONE.test(subject!) && !EMAIL.test(subject!) ? subjectWords : undefined,
    purpose: PURPOSE.test(question),
  };
}

/**
 * The same shapes as words: when the question asks for a shape (classifyQuestion), these words
 * in it stand for the shape in coverage, and a passage of that shape satisfies them.
 */
export const SHAPE_PHRASES: { words: string[]; shape: AnswerShape }[] = [
  { words: ['get', 'in', 'touch'], shape: 'contact' },
  { words: ['get', 'hold'], shape: 'contact' },
  { words: ['contact', 'details'], shape: 'contact' },
  { words: ['phone', 'number'], shape: 'phone' },
  { words: ['telephone', 'number'], shape: 'phone' },
  { words: ['email', 'address'], shape: 'email' },
  { words: ['e', 'mail'], shape: 'email' },
  ...['phone', 'telephone', 'tel', 'number', 'numbers', 'call', 'ring', 'mobile'].map((w) => ({ words: [w], shape: 'phone' as const })),
  ...['email', 'emails', 'inbox'].map((w) => ({ words: [w], shape: 'email' as const })),
  ...['contact', 'reach', 'touch'].map((w) => ({ words: [w], shape: 'contact' as const })),
  // "where do I send the form": the answer is an address.
  ...['send', 'submit'].map((w) => ({ words: [w], shape: 'contact' as const })),
  // "What share of referrals": a proportion.
  { words: ['share', 'of'], shape: 'figure' },
  ...['percentage', 'percent', 'proportion', 'statistics', 'statistic', 'stats', 'figures', 'prevalence'].map((w) => ({
    words: [w],
    shape: 'figure' as const,
  })),
  // Timescales and frequencies: satisfied by a passage that states a time ("within 48 hours", "monthly").
  // "How many days/weeks" asks for a timescale, so it is matched before "how many".
  ...['hours', 'days', 'weeks', 'months', 'years']
    .flatMap((u) => [
      ['how', 'many', u],
      ['how', 'many', 'working', u],
    ])
    .map((w) => ({ words: w, shape: 'time' as const })),
  ...[
    ['how', 'long'],
    ['how', 'soon'],
    ['how', 'quickly'],
    ['how', 'often'],
    ['time', 'limit'],
    ['opening', 'hours'],
    ['opening', 'times'],
  ].map((w) => ({ words: w, shape: 'time' as const })),
  ...['deadline', 'deadlines', 'timescale', 'timescales', 'timeframe', 'timeframes', 'frequency', 'frequently'].map((w) => ({
    words: [w],
    shape: 'time' as const,
  })),
];
