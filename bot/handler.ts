import {
  ActivityTypes,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type Storage,
  TeamsActivityHandler,
  TurnContext,
  type UserState,
} from 'botbuilder';
import { z } from 'zod';
import { resultCard, type AnswerFeedback, type ChampionPart } from '../cards/answer-card';
import { helpCard, setAuthorityCard, welcomeCard, type HelpEntry } from '../cards/bot-cards';
import type { Authority } from '../knowledge/schemas/authority';
import type { AnswerResult, Engine } from './engine';
import { INVOKE_FALLBACKS, refusedInvoke, unknownInvoke } from './invoke-fallbacks';
import { hashId, type Logger } from './log';
import { isUnaddressedMessage } from './teams/channel';
import { fill, MESSAGES } from './messages';
import { StorageError } from './storage-errors';
import type { GateVerdict } from './turn-gate';

export interface BotServices {
  engine: Engine;
  /** Per-user profile (the authority id, nothing else). */
  userState: UserState;
  /** For dialogs (triage) that need state between turns. Saved at the end of every turn. */
  conversationState: ConversationState;
  /** Base of links in cards, no trailing slash. */
  publicBaseUrl: string;
  /** Used when the user has not chosen an authority. */
  defaultAuthority?: string;
  log: Logger;
  /** Tenant allow-list and per-user rate (bot/turn-gate.ts); none = every turn passes. */
  gate?: (turn: TurnContext) => Promise<GateVerdict>;
  /** Hours after which an unfinished triage dialog is forgotten (TRIAGE_IDLE_HOURS; default 24). */
  triageIdleHours?: number;
  /**
   * The state store behind userState and conversationState (bot/state-store.ts): the keyed hash
   * for ids the bot keeps inside state, and whether storage answers (/readyz). Without it ids are
   * hashed with the log's per-process salt (state then cannot outlive the process) and storage
   * counts as reachable.
   */
  store?: {
    hashId(id: string): string;
    reachable(): Promise<boolean>;
    /** The store itself (keys hashed on the way in): for a record that is no one turn's state, such as a shared induction completion. */
    storage?: Storage;
  };
}

/** What a command or card action gets for one turn. */
export interface CommandContext {
  turn: TurnContext;
  /** Message text with the bot's @mention removed, trimmed; '' for a card submission. */
  text: string;
  bot: PolicyBot;
}

/** A typed command. Commands are tried in registration order; the first match wins; anything unmatched is a question. */
export interface TextCommand {
  /** Unique; registering a command with an existing name replaces it (keeping its place). */
  name: string;
  match(text: string): boolean;
  handle(ctx: CommandContext): Promise<void>;
  /** Shown on the help card, in registration order. */
  help?: HelpEntry;
}

/** A card button (Action.Submit with `data.verb`). Its data is validated by `schema` before `handle` runs. */
export interface CardAction<S extends z.ZodType = z.ZodType> {
  verb: string;
  schema: S;
  handle(ctx: CommandContext, data: z.output<S>): Promise<void>;
}

/**
 * Feedback on answers and gaps from declines (bot/feedback/): what an answer card offers for
 * rating it, and what is noted once a reply is sent.
 */
export interface AnswerObserver {
  /** The rating part of an answer card; `question` is what was asked (none for a passage shown from a button). */
  cardFeedback(question: string | undefined): AnswerFeedback | undefined;
  /** After the reply was sent. Must not throw: a fault of its own is its own to log. */
  answered(turn: TurnContext, details: { result: AnswerResult; authority?: string }): Promise<void>;
}

/** What "Ask a champion" (bot/champion/) adds to answer and decline cards. */
export interface ChampionAnswers {
  /** The "Ask a champion" button and any champion answer to a like question. Must not throw: a storage fault gives less, not an error. */
  cardPart(question: string): Promise<ChampionPart | undefined>;
}

/** Handles one invoke name (e.g. 'composeExtension/query') and returns the HTTP response for it. */
export type InvokeHandler = (turn: TurnContext, bot: PolicyBot) => Promise<InvokeResponse>;

/** Starts triage. The default says it is coming soon; the triage dialog replaces it with setTriageStarter. */
export type TriageStarter = (ctx: CommandContext, start: { via: 'command' | 'worried' | 'card'; text: string }) => Promise<void>;

const profileSchema = z.object({ authority: z.string().optional() });
type Profile = z.infer<typeof profileSchema>;

const submissionEnvelope = z.object({ verb: z.string().min(1) }).loose();

/** Set on a turn once a state read or write has failed: later reads in the turn use defaults at once. */
const STATE_FAULT = Symbol('stateFault');

const QUESTION_HELP: HelpEntry = {
  usage: 'Any question',
  description: 'Ask about domestic abuse policy, e.g. "When should I refer to MARAC?". I quote the policy and cite it.',
};

/** Key for matching an id, name or alias: case, spaces, hyphens and punctuation ignored ("Stoke on Trent" = "stoke-on-trent"). */
function authorityKey(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export class PolicyBot extends TeamsActivityHandler {
  private readonly commands: TextCommand[] = [];
  private readonly actions = new Map<string, CardAction>();
  private readonly invokes = new Map<string, InvokeHandler>();
  private triageStarter: TriageStarter = async ({ turn }) => {
    await turn.sendActivity(MESSAGES.triageComingSoon);
  };
  private answerObserver?: AnswerObserver;
  private championAnswers?: ChampionAnswers;
  private readonly profile: StatePropertyAccessor<Profile>;
  private readonly authoritiesByKey: Map<string, Authority>;

  constructor(readonly services: BotServices) {
    super();
    this.profile = services.userState.createProperty<Profile>('profile');
    this.authoritiesByKey = new Map();
    for (const a of services.engine.authorities) {
      for (const name of [a.id, a.name, ...a.aliases]) this.authoritiesByKey.set(authorityKey(name), a);
    }
    registerBuiltIns(this);

    this.onMembersAdded(async (turn, next) => {
      if (this.shouldWelcome(turn)) {
        await turn.sendActivity({ attachments: [welcomeCard({ authorityName: await this.authorityName(turn) })] });
      }
      await next();
    });

    this.onMessage(async (turn, next) => {
      await this.dispatchMessage(turn);
      await next();
    });
  }

  // ---- seams -------------------------------------------------------------------------------

  registerCommand(command: TextCommand): this {
    const at = this.commands.findIndex((c) => c.name === command.name);
    if (at >= 0) this.commands[at] = command;
    else this.commands.push(command);
    return this;
  }
  /** The command a message starts, if any (anything else is a policy question). */
  commandFor(text: string): TextCommand | undefined {
    return this.commands.find((c) => c.match(text));
  }

  registerAction<S extends z.ZodType>(action: CardAction<S>): this {
    this.actions.set(action.verb, action as unknown as CardAction);
    return this;
  }

  registerInvoke(name: string, handler: InvokeHandler): this {
    this.invokes.set(name, handler);
    return this;
  }

  setTriageStarter(starter: TriageStarter): this {
    this.triageStarter = starter;
    return this;
  }

  /** Rating buttons on answer cards and notes of declined questions (one observer; a later one replaces it). */
  setAnswerObserver(observer: AnswerObserver): this {
    this.answerObserver = observer;
    return this;
  }

  /** The "Ask a champion" button and champion answers on answer and decline cards (one source; a later one replaces it). */
  setChampionAnswers(source: ChampionAnswers): this {
    this.championAnswers = source;
    return this;
  }

  startTriage(ctx: CommandContext, via: 'command' | 'worried' | 'card'): Promise<void> {
    return this.triageStarter(ctx, { via, text: ctx.text });
  }

  /** The help card's list: asking a question (the fallback), then every command that has help, in order. */
  helpEntries(): HelpEntry[] {
    return [QUESTION_HELP, ...this.commands.flatMap((c) => (c.help ? [c.help] : []))];
  }

  // ---- profile -----------------------------------------------------------------------------

  get authorities(): readonly Authority[] {
    return this.services.engine.authorities;
  }

  findAuthority(text: string): Authority | undefined {
    return this.authoritiesByKey.get(authorityKey(text));
  }

  /** The user's chosen authority id if still known, else the configured default (also when storage cannot be read). */
  async getAuthority(turn: TurnContext): Promise<string | undefined> {
    const stored = profileSchema.safeParse((await this.tolerate(turn, 'read', () => this.profile.get(turn))) ?? {});
    const chosen = stored.success ? stored.data.authority : undefined;
    if (chosen && this.findAuthority(chosen)) return chosen;
    return this.services.defaultAuthority;
  }

  /** Remember the user's authority, saved at once. False when storage could not save it (the caller says so). */
  async setAuthority(turn: TurnContext, id: string): Promise<boolean> {
    const saved = await this.tolerate(turn, 'write', async () => {
      await this.profile.set(turn, { authority: id });
      await this.services.userState.saveChanges(turn);
      return true;
    });
    return saved === true;
  }

  /** Who sent this turn, as the bot keeps it in state: a keyed hash of the Teams user id. */
  stateIdOf(turn: TurnContext): string {
    return (this.services.store?.hashId ?? hashId)(turn.activity.from?.id ?? '');
  }

  /**
   * Run a state read or write; a storage fault is logged (operation and error name only) and
   * gives undefined, so the turn carries on without state. Other errors are thrown as usual.
   */
  private async tolerate<T>(turn: TurnContext, operation: 'read' | 'write', work: () => Promise<T>): Promise<T | undefined> {
    if (turn.turnState.get(STATE_FAULT)) return undefined;
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof StorageError)) throw err;
      turn.turnState.set(STATE_FAULT, true);
      this.services.log.warn('state-unavailable', { activityId: turn.activity.id, operation, error: err.name });
      return undefined;
    }
  }

  async authorityName(turn: TurnContext): Promise<string | undefined> {
    const id = await this.getAuthority(turn);
    return id ? this.displayName(id) : undefined;
  }

  displayName = (id: string): string => this.findAuthority(id)?.name ?? id;

  // ---- replies -----------------------------------------------------------------------------

  /** Answer a question with the user's authority: answer card or decline card. */
  async answer(turn: TurnContext, question: string): Promise<void> {
    const authority = await this.getAuthority(turn);
    const result = await this.services.engine.answer(question, { authority });
    this.services.log.info('answer', {
      activityId: turn.activity.id,
      answered: result.answered,
      decline: result.decline?.reason,
      results: result.results.length,
    });
    const card = resultCard(result, {
      publicBaseUrl: this.services.publicBaseUrl,
      authorityName: this.displayName,
      hasAuthority: authority !== undefined,
      feedback: this.answerObserver?.cardFeedback(question),
      champion: await this.championAnswers?.cardPart(question),
    });
    await turn.sendActivity({ attachments: [card] });
    await this.answerObserver?.answered(turn, { result, authority });
  }

  /** Show one passage as an answer (a "you might mean" button on a decline). */
  async showPassage(turn: TurnContext, passageId: string): Promise<void> {
    const answer = this.services.engine.passage(passageId);
    if (!answer) {
      await turn.sendActivity(MESSAGES.passageGone);
      return;
    }
    const authority = await this.getAuthority(turn);
    const result: AnswerResult = { answered: true, ...(authority ? { authority } : {}), comparing: [], results: [answer], followUps: [] };
    const card = resultCard(result, {
      publicBaseUrl: this.services.publicBaseUrl,
      authorityName: this.displayName,
      hasAuthority: authority !== undefined,
      feedback: this.answerObserver?.cardFeedback(undefined),
    });
    await turn.sendActivity({ attachments: [card] });
  }

  async sendSetAuthorityCard(turn: TurnContext): Promise<void> {
    const current = await this.getAuthority(turn);
    await turn.sendActivity({ attachments: [setAuthorityCard({ authorities: this.authorities, current })] });
  }

  async sendHelp(turn: TurnContext): Promise<void> {
    await turn.sendActivity({
      attachments: [helpCard({ commands: this.helpEntries(), authorityName: await this.authorityName(turn) })],
    });
  }

  // ---- turn plumbing -----------------------------------------------------------------------

  override async run(turn: TurnContext): Promise<void> {
    const started = performance.now();
    const verdict = (await this.services.gate?.(turn)) ?? { pass: true };
    if (!verdict.pass) {
      this.services.log.warn('turn refused', {
        type: turn.activity.type,
        reason: verdict.reason,
        tenantId: turn.activity.conversation?.tenantId,
        userId: turn.activity.from?.id,
      });
      if (turn.activity.type === 'invoke') await turn.sendActivity({ type: 'invokeResponse', value: refusedInvoke(verdict.reason) });
      if (verdict.reason === 'rate' && verdict.tellUser && turn.activity.type === 'message') await turn.sendActivity(MESSAGES.slowDown);
      return;
    }
    try {
      await super.run(turn);
      await this.saveState(turn);
    } finally {
      this.services.log.info('turn', {
        type: turn.activity.type,
        name: turn.activity.name,
        channel: turn.activity.channelId,
        scope: turn.activity.conversation?.conversationType,
        activityId: turn.activity.id,
        ms: Math.round(performance.now() - started),
      });
    }
  }

  /**
   * Save what the turn changed. Conversation state holds a dialog in progress: if it cannot be
   * saved the user is told the step may be forgotten. User state changes only through
   * setAuthority, which saves and reports at once, so after a fault it is not tried again.
   */
  private async saveState(turn: TurnContext): Promise<void> {
    try {
      await this.services.conversationState.saveChanges(turn);
    } catch (err) {
      if (!(err instanceof StorageError)) throw err;
      this.services.log.warn('state-unavailable', { activityId: turn.activity.id, operation: 'write', state: 'conversation', error: err.name });
      turn.turnState.set(STATE_FAULT, true);
      await turn.sendActivity(MESSAGES.progressNotSaved);
    }
    await this.tolerate(turn, 'write', () => this.services.userState.saveChanges(turn));
  }

  /** Invokes are handled only through registerInvoke; any other name gets a fixed answer in its sender's format. */
  protected override async onInvokeActivity(turn: TurnContext): Promise<InvokeResponse> {
    const name = turn.activity.name;
    const handler = name ? this.invokes.get(name) : undefined;
    if (handler) return handler(turn, this);
    const fallback = name ? INVOKE_FALLBACKS.get(name) : undefined;
    return fallback ? fallback(turn.activity.value) : unknownInvoke();
  }

  /** Welcome once per install: when the bot itself joins, or a user opens a 1:1 chat. */
  private shouldWelcome(turn: TurnContext): boolean {
    const added = turn.activity.membersAdded ?? [];
    const botId = turn.activity.recipient?.id;
    if (added.some((m) => m.id === botId)) return true;
    const personal = (turn.activity.conversation?.conversationType ?? 'personal') === 'personal';
    return personal && added.some((m) => m.id !== botId);
  }

  private messageText(turn: TurnContext): string {
    const activity = turn.activity;
    if (activity.type !== ActivityTypes.Message || typeof activity.text !== 'string') return '';
    // Teams puts "<at>Bot</at>" in the text of channel and group messages.
    if (activity.recipient?.id) TurnContext.removeRecipientMention(activity);
    return (activity.text ?? '')
      .replace(/&nbsp;/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }

  private async dispatchMessage(turn: TurnContext): Promise<void> {
    // Channels and group chats: a typed message that does not @mention the bot is not for it.
    if (isUnaddressedMessage(turn.activity)) return;
    const text = this.messageText(turn);
    const value: unknown = turn.activity.value;
    const ctx: CommandContext = { turn, text, bot: this };
    // messageBack carries both text and value; a verb in the value means it came from our card.
    const isSubmission = (value !== undefined && value !== null && !text) || submissionEnvelope.safeParse(value).success;
    if (isSubmission) return this.dispatchSubmission({ ...ctx, text: '' }, value);
    if (!text) {
      await turn.sendActivity(MESSAGES.emptyMessage);
      return;
    }
    const command = this.commandFor(text);
    if (command) return command.handle(ctx);
    return this.answer(turn, text);
  }

  private async dispatchSubmission(ctx: CommandContext, value: unknown): Promise<void> {
    const envelope = submissionEnvelope.safeParse(value);
    const action = envelope.success ? this.actions.get(envelope.data.verb) : undefined;
    if (!action) {
      this.services.log.warn('card-rejected', { activityId: ctx.turn.activity.id, reason: envelope.success ? 'unknown-verb' : 'no-verb' });
      await ctx.turn.sendActivity(MESSAGES.staleCard);
      return;
    }
    const data = action.schema.safeParse(value);
    if (!data.success) {
      this.services.log.warn('card-rejected', { activityId: ctx.turn.activity.id, verb: action.verb, reason: 'invalid' });
      const problems = [...new Set(data.error.issues.map((i) => i.message))].join('; ');
      await ctx.turn.sendActivity(fill(MESSAGES.badCard, { problems }));
      return;
    }
    return action.handle(ctx, data.data);
  }
}

/** The commands and card actions every deployment has. Other features add theirs through the same seams. */
function registerBuiltIns(bot: PolicyBot): void {
  registerBuiltInCommands(bot);
  registerBuiltInActions(bot);
}

const SET_AUTHORITY = /^(?:set|change|choose)\s+(?:my\s+)?(?:local\s+)?authority\b\s*(?:to\s+)?(.*)$/i;

/** help, hello, set authority, triage and glossary. */
function registerBuiltInCommands(bot: PolicyBot): void {
  const setAuthorityPattern = SET_AUTHORITY;
  bot
    .registerCommand({
      name: 'help',
      match: (t) => /^(?:help|\?|commands|what can you do\??)$/i.test(t),
      handle: ({ turn }) => bot.sendHelp(turn),
      help: { usage: 'help', description: 'Show this list.' },
    })
    .registerCommand({
      name: 'welcome',
      match: (t) => /^(?:hi|hello|hey|start|get started)[!.]?$/i.test(t),
      handle: async ({ turn }) => {
        await turn.sendActivity({ attachments: [welcomeCard({ authorityName: await bot.authorityName(turn) })] });
      },
    })
    .registerCommand({
      name: 'set-authority',
      match: (t) => setAuthorityPattern.test(t),
      handle: async ({ turn, text }) => {
        const named = setAuthorityPattern.exec(text)?.[1]?.trim();
        const authority = named ? bot.findAuthority(named) : undefined;
        if (!authority) return bot.sendSetAuthorityCard(turn);
        const saved = await bot.setAuthority(turn, authority.id);
        await turn.sendActivity(fill(saved ? MESSAGES.authoritySet : MESSAGES.authorityNotSaved, { authority: authority.name }));
      },
      help: { usage: 'set authority', description: 'Choose your local authority, so its policy is quoted first.' },
    })
    .registerCommand({
      name: 'triage',
      match: (t) => /^triage\b/i.test(t) || /^i(?:'|’)?m\s+worried\s+about\b|^i\s+am\s+worried\s+about\b/i.test(t),
      handle: (ctx) => bot.startTriage(ctx, /^triage\b/i.test(ctx.text) ? 'command' : 'worried'),
      help: {
        usage: 'triage, or "I\'m worried about…"',
        description:
          'Work through a concern: pathway, referrals, contacts and next steps (no names, please). Started in a channel, it moves to a private chat.',
      },
    })
    .registerCommand({
      name: 'glossary',
      match: (t) => /^glossary\b/i.test(t),
      handle: async ({ turn, text }) => {
        const term = text.replace(/^glossary\b[:\s]*/i, '').trim();
        if (!term) {
          await turn.sendActivity(MESSAGES.glossaryHowTo);
          return;
        }
        const entries = bot.services.engine.glossary(term);
        if (entries.length === 0) return bot.answer(turn, `What does ${term} mean?`);
        await turn.sendActivity(entries.map((e) => `**${e.term}**: ${e.expansion}.${e.explanation ? ` ${e.explanation}` : ''}`).join('\n\n'));
      },
      help: { usage: 'glossary <term>', description: 'Explain an acronym or term, e.g. glossary MARAC.' },
    });
}

/** The built-in cards' buttons: choose an authority, help, start triage, ask, show a passage. */
function registerBuiltInActions(bot: PolicyBot): void {
  bot
    .registerAction({
      verb: 'setAuthority',
      schema: z.object({
        verb: z.literal('setAuthority'),
        authority: z.string({ error: 'please choose an authority from the list' }).trim().min(1, 'please choose an authority from the list'),
      }),
      handle: async ({ turn }, data) => {
        const authority = bot.findAuthority(data.authority);
        if (!authority) {
          await turn.sendActivity(MESSAGES.unknownAuthority);
          return bot.sendSetAuthorityCard(turn);
        }
        const saved = await bot.setAuthority(turn, authority.id);
        await turn.sendActivity(fill(saved ? MESSAGES.authoritySetAsk : MESSAGES.authorityNotSaved, { authority: authority.name }));
      },
    })
    .registerAction({ verb: 'showSetAuthority', schema: z.object({}), handle: ({ turn }) => bot.sendSetAuthorityCard(turn) })
    .registerAction({ verb: 'help', schema: z.object({}), handle: ({ turn }) => bot.sendHelp(turn) })
    .registerAction({ verb: 'startTriage', schema: z.object({}), handle: (ctx) => bot.startTriage(ctx, 'card') })
    .registerAction({
      verb: 'ask',
      schema: z.object({
        question: z.string({ error: 'the question is missing' }).trim().min(1, 'the question is missing').max(500, 'the question is too long'),
      }),
      handle: ({ turn }, data) => bot.answer(turn, data.question),
    })
    .registerAction({
      verb: 'showPassage',
      schema: z.object({ passageId: z.string({ error: 'the passage is missing' }).min(1, 'the passage is missing').max(200, 'the passage id is too long') }),
      handle: ({ turn }, data) => bot.showPassage(turn, data.passageId),
    });
}
