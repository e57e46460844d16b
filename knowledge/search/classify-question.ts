import { words } from '../build/analyzer';

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
}

const PHONE = /\b(phone|telephone|tel|number|numbers|call|ring|helpline|hotline|contact details?)\b/i;
const EMAIL = /\b(e-?mail|email address|inbox|send|submit)\b/i;
const CONTACT = /\b(contact|reach|get in touch|speak to|talk to|get hold of)\b/i;
const WHO = /^\s*who\b|\bwho\s+(is|are|do|does|should|can|will|manages|leads|chairs|has)\b|\bname of\b/i;
const STATS = /\b(how\s+(many|much|common|prevalent|likely|widespread)|percent(age)?|proportion|statistics?|figures?|rates?|what\s+share\s+of)\b|%/i;
/** "How many days/weeks" asks for a timescale, not a statistic. */
const HOW_MANY_UNITS = /\bhow\s+many\s+(?:working\s+)?(?:hours|days|weeks|months|years)\b/i;
const TIME = /\bhow\s+(long|soon|quickly|often)\b|\bhow\s+many\s+(?:working\s+)?(?:hours|days|weeks|months|years)\b|\b(deadlines?|timescales?|time\s*frames?|time\s+limits?|frequency|opening\s+(hours|times))\b|^\s*when\b|\bby when\b/i;
const DEFINITION = /^\s*what\s+else\s+(?:is|are)\s+(?:an?\s+|the\s+)?(.+?)\s+(?:called|known\s+as)\s*\??\s*$|^\s*(?:what|who)\s*(?:'s|is|are)\s+(?:an?\s+|the\s+)?(.+?)\s*\??\s*$|^\s*what\s+does\s+(.+?)\s+(?:mean|stand for)\s*\??\s*$|^\s*(?:define|definition of|meaning of)\s+(.+?)\s*\??\s*$/i;

export function classifyQuestion(question: string): QuestionKind {
  const contact = CONTACT.test(question);
  const m = DEFINITION.exec(question);
  const subject = m ? (m[1] ?? m[2] ?? m[3] ?? m[4]) : undefined;
  const subjectWords = subject ? words(subject) : [];
  return {
    phone: PHONE.test(question) || (contact && !EMAIL.test(question)),
    email: EMAIL.test(question) || contact,
    who: WHO.test(question) || contact,
    stats: STATS.test(question) && !HOW_MANY_UNITS.test(question),
    time: TIME.test(question),
    // Only short subjects are definitions ("what is a genogram", not "what is the process for …").
    definitionOf: subjectWords.length > 0 && subjectWords.length <= 4 ? subjectWords : undefined,
  };
}
