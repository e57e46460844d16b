import { ActivityTypes, type Attachment, type TurnContext } from 'botbuilder';
import type { z } from 'zod';
import {
  checkInputId,
  groupInputId,
  triageConfirmCard,
  triageDangerCard,
  triageDescribeCard,
  triageResultCard,
  triageStartCard,
} from '../../cards/triage-cards';
import {
  applyCheckAnswers,
  decideTriage,
  factIndicator,
  hasFactIndicator,
  setIndicatorFacts,
  indicatorGroups,
  missingFacts,
  readDescription,
  withMustChecks,
  type CheckAnswers,
  type TriageFacts,
  type TriageKnowledge,
  type Triager,
} from '../../knowledge/triage';
import { INDICATOR_GROUPS } from '../../knowledge/triage/types';
import type { CommandContext, PolicyBot, TriageStarter } from '../handler';
import { isSharedConversation } from '../teams/channel';
import { emergencyContacts, suggestedQuestions } from './context';
import { inPersonalChat } from './redirect';
import { DialogStore, newDialogId, STATE_PROPERTY, type DialogState, type Step } from './state';
import { type askSubmission, confirmSubmission, describeSubmission, parseAges, problems, startSubmission, type AgeFacts } from './submissions';
import { fill, MESSAGES, TRIAGE_MESSAGES } from '../messages';

/**
 * The triage dialog: a described concern → confirmed indicators → pathway, referrals, contacts
 * and next steps, on one card that is updated in place at each step.
 *
 *   authority  confirm the authority, "Is anyone in immediate danger right now?" (Yes: 999 card first)
 *   describe   the description box (no names); read indicators; the text is never stored
 *   confirm    indicators by group, pre-ticked, plus the facts the rules need
 *   result     pathway, scale, why, referrals, contacts, next steps, sources; indicators and facts dropped
 *
 * In a channel or group chat nothing about the concern is posted: the thread gets a neutral note
 * and the dialog starts in a personal chat. Nothing the user typed is logged.
 */

export class TriageDialog {
  private readonly store: DialogStore;
  private readonly known: () => ReadonlySet<string>;

  private readonly knowledge: () => TriageKnowledge;

  constructor(
    private readonly bot: PolicyBot,
    private readonly triager: () => Triager,
  ) {
    this.knowledge = () => this.triager().tk;
    const idleHours = bot.services.triageIdleHours;
    this.store = new DialogStore(
      bot.services.conversationState.createProperty<unknown>(STATE_PROPERTY),
      idleHours === undefined ? undefined : idleHours * 3600 * 1000,
    );
    let known: ReadonlySet<string> | undefined;
    this.known = () => (known ??= new Set(this.knowledge().indicators.map((i) => i.id)));
  }

  /** `cancel`: forget the dialog in this conversation, so its cards are out of date. */
  readonly cancel = async (turn: TurnContext): Promise<void> => {
    const state = await this.store.get(turn);
    if (!state) {
      await turn.sendActivity(TRIAGE_MESSAGES.nothingToCancel);
      return;
    }
    await this.store.clear(turn);
    await turn.sendActivity(TRIAGE_MESSAGES.cancelled);
  };

  // ---- starting ------------------------------------------------------------------------------

  /**
   * The bot's triage starter: `triage`, "I'm worried about…", or the welcome card's button. What was
   * typed with "I'm worried about…" is not put on any card: the description box starts empty.
   */
  readonly start: TriageStarter = async ({ turn }) => {
    if (isSharedConversation(turn.activity)) return this.redirect(turn);
    await this.begin(turn, { owner: this.bot.stateIdOf(turn), authority: await this.bot.getAuthority(turn) });
  };

  /** Step 1 on a new card, with a new dialog id (any earlier triage card becomes stale). */
  private async begin(turn: TurnContext, opts: { owner: string; authority?: string }): Promise<void> {
    // A dialog lives in conversation state: if that cannot be read, fail before a card is shown.
    await this.bot.services.conversationState.load(turn);
    const state: DialogState = { id: newDialogId(), owner: opts.owner, step: 'authority', ...(opts.authority ? { authority: opts.authority } : {}) };
    await this.show(turn, state, this.startCard(state), { newCard: true });
    await this.store.set(turn, state);
    this.log(turn, 'started');
  }

  /** A channel or group chat: a neutral note in the thread; the dialog itself in a personal chat. */
  private async redirect(turn: TurnContext): Promise<void> {
    const owner = this.bot.stateIdOf(turn);
    const authority = await this.bot.getAuthority(turn);
    let opened = false;
    try {
      await inPersonalChat(turn, async (personal) => {
        await this.begin(personal, { owner, ...(authority ? { authority } : {}) });
        // This turn is not run through the bot, so its state is saved here.
        await this.bot.services.conversationState.saveChanges(personal);
      });
      opened = true;
    } catch (err) {
      this.bot.services.log.warn('triage-redirect-failed', { activityId: turn.activity.id, error: err instanceof Error ? err.name : 'unknown' });
    }
    await turn.sendActivity(opened ? TRIAGE_MESSAGES.redirected : TRIAGE_MESSAGES.redirectFailed);
    this.log(turn, opened ? 'redirected' : 'redirect-failed');
  }

  // ---- card submissions ------------------------------------------------------------------------

  /** Step 1 → 2: the authority (remembered) and the danger question; Yes sends the 999 card first. */
  async onStart(ctx: CommandContext, data: { dialogId: string }): Promise<void> {
    const state = await this.current(ctx, data.dialogId, ['authority']);
    if (!state) return;
    const input = await this.parse(ctx, startSubmission, data);
    if (!input) return;
    const authority = this.bot.findAuthority(input.authority);
    if (!authority || !this.knowledge().authorities[authority.id]) {
      await ctx.turn.sendActivity(TRIAGE_MESSAGES.invalid('please choose your authority from the list'));
      return;
    }
    if (!(await this.bot.setAuthority(ctx.turn, authority.id))) await ctx.turn.sendActivity(fill(MESSAGES.authorityNotSaved, { authority: authority.name }));
    const danger = input.danger === 'yes';
    if (danger) await ctx.turn.sendActivity({ attachments: [this.dangerCard(authority.id)] });
    const next: DialogState = { ...this.keep(state), step: 'describe', authority: authority.id, danger };
    await this.show(ctx.turn, next, triageDescribeCard({ dialogId: next.id, authorityName: authority.name, danger }));
    await this.store.set(ctx.turn, next);
    this.log(ctx.turn, 'authority');
  }

  /** Step 2 → 3: read the indicators; keep their ids and the facts, never the text. */
  async onDescribe(ctx: CommandContext, data: { dialogId: string }): Promise<void> {
    const state = await this.current(ctx, data.dialogId, ['describe'], { needsAuthority: true });
    if (!state?.authority) return;
    const input = await this.parse(ctx, describeSubmission, data);
    if (!input) return;
    // Both readers: the patterns, and meaning (its findings are suggestions the practitioner confirms).
    const meaning = await this.triager().readMeaning(input.description);
    const reading = readDescription(this.knowledge(), input.description, meaning);
    const ids = new Set(reading.indicators.map((i) => i.id));
    const suggested = reading.indicators.filter((i) => i.source === 'meaning').map((i) => i.id);
    const dangerId = factIndicator(this.knowledge(), 'immediateDanger');
    if (state.danger && dangerId) ids.add(dangerId);
    const facts: TriageFacts = { ...reading.facts, immediateDanger: reading.facts.immediateDanger || Boolean(state.danger) };
    const next: DialogState = { ...this.keep(state), step: 'confirm', indicatorIds: [...ids], suggestedIds: suggested, facts };
    await this.show(ctx.turn, next, this.confirmCard(next));
    await this.store.set(ctx.turn, next);
    this.log(ctx.turn, 'describe');
  }

  /** Step 3 → result: the ticked indicators and the answered facts decide; then both are dropped. */
  async onConfirm(ctx: CommandContext, data: { dialogId: string }): Promise<void> {
    const state = await this.current(ctx, data.dialogId, ['confirm'], { needsAuthority: true });
    if (!state?.authority) return;
    const input = await this.parse(
      ctx,
      confirmSubmission(
        this.known(),
        this.knowledge().checks.map((c) => c.id),
      ),
      data,
    );
    if (!input) return;
    const ages = parseAges(input.childAges);
    if (ages && 'error' in ages) {
      await ctx.turn.sendActivity(TRIAGE_MESSAGES.invalid(ages.error));
      return;
    }
    const fields = input as Record<string, unknown>;
    const ids = new Set(INDICATOR_GROUPS.flatMap((g) => (fields[groupInputId(g)] as string[] | undefined) ?? []));
    const tk = this.knowledge();
    const needsId = factIndicator(tk, 'specialNeeds');
    if (input.specialNeeds === 'yes' && needsId) ids.add(needsId);
    const facts = confirmedFacts(tk, ids, ages, input, state.facts);
    // The questions that change the pathway: their answers win over the ticks.
    const answers: CheckAnswers = Object.fromEntries(tk.checks.map((c) => [c.id, fields[checkInputId(c.id)] as CheckAnswers[string]]).filter(([, v]) => v));
    // decideTriage keeps the facts consistent with the indicators the answers added.
    const mustCheck = applyCheckAnswers(tk, answers, ids, facts);

    const decided = { authority: state.authority, indicatorIds: [...ids], facts };
    const result = withMustChecks(tk, decided, decideTriage(tk, decided), mustCheck);
    const card = triageResultCard({
      dialogId: state.id,
      authorityName: this.bot.displayName(state.authority),
      result,
      scaleName: tk.matrix.scales.find((s) => s.scale === result.level)?.name,
      suggestions: suggestedQuestions(tk, result),
      publicBaseUrl: this.bot.services.publicBaseUrl,
      displayName: this.bot.displayName,
    });
    // The result is shown: keep only what "Start again" needs.
    const next: DialogState = { ...this.keep(state), step: 'result', authority: state.authority };
    await this.show(ctx.turn, next, card);
    await this.store.set(ctx.turn, next);
    this.log(ctx.turn, 'result');
  }

  /** "Start again" from any step: back to step 1 on the same card, as a new dialog. */
  async onRestart(ctx: CommandContext, data: { dialogId: string }): Promise<void> {
    const state = await this.current(ctx, data.dialogId);
    if (!state) return;
    const authority = (await this.bot.getAuthority(ctx.turn)) ?? state.authority;
    const next: DialogState = {
      id: newDialogId(),
      owner: state.owner,
      step: 'authority',
      ...(state.activityId ? { activityId: state.activityId } : {}),
      ...(authority ? { authority } : {}),
    };
    await this.show(ctx.turn, next, this.startCard(next));
    await this.store.set(ctx.turn, next);
    this.log(ctx.turn, 'restart');
  }

  /** "Ask a question about this": a suggested question, or the user's own, answered like any question. */
  async onAsk(ctx: CommandContext, data: z.output<typeof askSubmission>): Promise<void> {
    const question = data.suggested || data.question;
    if (!question) {
      await ctx.turn.sendActivity(TRIAGE_MESSAGES.askEmpty);
      return;
    }
    await this.bot.answer(ctx.turn, question);
  }

  // ---- plumbing --------------------------------------------------------------------------------

  /**
   * The dialog a submission belongs to, if it can be used: the current dialog (else the card is
   * old), started by this user, at one of `steps`. Otherwise the user is told why, and the dialog
   * is left as it was.
   */
  private async current(ctx: CommandContext, dialogId: string, steps?: Step[], opts: { needsAuthority?: boolean } = {}): Promise<DialogState | undefined> {
    const expired = await this.store.wasExpired(ctx.turn);
    const state = await this.store.get(ctx.turn);
    let problem: string | undefined;
    if (expired) problem = TRIAGE_MESSAGES.expired;
    else if (!state || state.id !== dialogId) problem = TRIAGE_MESSAGES.stale;
    else if (state.owner !== this.bot.stateIdOf(ctx.turn)) problem = TRIAGE_MESSAGES.notYours;
    else if (steps && !steps.includes(state.step)) problem = TRIAGE_MESSAGES.wrongStep;
    else if (opts.needsAuthority && !state.authority) problem = TRIAGE_MESSAGES.stale;
    if (!problem) return state;
    this.bot.services.log.warn('card-rejected', {
      activityId: ctx.turn.activity.id,
      verb: 'triage',
      reason:
        problem === TRIAGE_MESSAGES.stale
          ? 'stale'
          : problem === TRIAGE_MESSAGES.expired
            ? 'expired'
            : problem === TRIAGE_MESSAGES.notYours
              ? 'not-owner'
              : 'wrong-step',
    });
    await ctx.turn.sendActivity(problem);
    return undefined;
  }

  private async parse<S extends z.ZodType>(ctx: CommandContext, schema: S, data: unknown): Promise<z.output<S> | undefined> {
    const parsed = schema.safeParse(data);
    if (parsed.success) return parsed.data;
    this.bot.services.log.warn('card-rejected', { activityId: ctx.turn.activity.id, verb: 'triage', reason: 'invalid' });
    await ctx.turn.sendActivity(TRIAGE_MESSAGES.invalid(problems(parsed.error)));
    return undefined;
  }

  /** What every step keeps: the dialog's identity, its card and the authority. */
  private keep(state: DialogState): DialogState {
    return {
      id: state.id,
      owner: state.owner,
      step: state.step,
      ...(state.activityId ? { activityId: state.activityId } : {}),
      ...(state.authority ? { authority: state.authority } : {}),
    };
  }

  /**
   * Show a step on the dialog's card: update it in place, or post a new card when there is none
   * yet or the channel cannot update (the new card's id is kept for the next step).
   */
  private async show(turn: TurnContext, state: DialogState, card: Attachment, opts: { newCard?: boolean } = {}): Promise<void> {
    if (state.activityId && !opts.newCard) {
      try {
        await turn.updateActivity({ type: ActivityTypes.Message, id: state.activityId, attachments: [card] });
        return;
      } catch (err) {
        this.bot.services.log.warn('triage-update-failed', { activityId: turn.activity.id, error: err instanceof Error ? err.name : 'unknown' });
      }
    }
    const sent = await turn.sendActivity({ attachments: [card] });
    if (sent?.id) state.activityId = sent.id;
    else delete state.activityId;
  }

  private startCard(state: DialogState): Attachment {
    const tk = this.knowledge();
    return triageStartCard({
      dialogId: state.id,
      authorities: this.bot.authorities.filter((a) => tk.authorities[a.id]),
      ...(state.authority ? { current: state.authority } : {}),
    });
  }

  private confirmCard(state: DialogState): Attachment {
    const tk = this.knowledge();
    const facts = state.facts ?? { childAges: [], unborn: false, immediateDanger: false };
    return triageConfirmCard({
      dialogId: state.id,
      authorityName: this.bot.displayName(state.authority ?? ''),
      groups: indicatorGroups(tk),
      ticked: state.indicatorIds ?? [],
      suggested: state.suggestedIds ?? [],
      checks: tk.checks,
      facts,
      missing: missingFacts(tk, facts),
    });
  }

  private dangerCard(authority: string): Attachment {
    const tk = this.knowledge();
    const { police, contacts } = emergencyContacts(tk, authority);
    return triageDangerCard({
      authority: { id: authority, name: this.bot.displayName(authority) },
      ...(police ? { police } : {}),
      contacts,
      disclaimer: tk.disclaimer,
      publicBaseUrl: this.bot.services.publicBaseUrl,
      displayName: this.bot.displayName,
    });
  }

  /** Steps and outcomes only: never text, inputs or indicators. */
  private log(turn: TurnContext, step: string): void {
    this.bot.services.log.info('triage', { activityId: turn.activity.id, step, scope: turn.activity.conversation?.conversationType });
  }
}

/**
 * The facts the rules use, from what the card says: its ticks and answers are the practitioner's
 * confirmation, so they win over what was read. Where they conflict, the reading that raises
 * concern is kept (a score entered counts even if "DASH done" was left at "no").
 */
export function confirmedFacts(
  tk: TriageKnowledge,
  ids: ReadonlySet<string>,
  ages: AgeFacts | undefined,
  input: { dashScore?: number; policeNotifications?: number; specialNeeds?: string },
  read: Partial<TriageFacts> | undefined,
): TriageFacts {
  const facts: TriageFacts = { childAges: ages?.childAges ?? [], unborn: Boolean(ages?.unborn), immediateDanger: false };
  if (input.dashScore !== undefined) facts.dashScore = input.dashScore;
  if (input.policeNotifications !== undefined) facts.policeNotifications = input.policeNotifications;
  // The role read from the description ("a teacher") while the position of trust stays ticked.
  if (hasFactIndicator(tk, ids, 'positionOfTrust') && read?.positionOfTrust) facts.positionOfTrust = read.positionOfTrust;
  setIndicatorFacts(tk, ids, facts);
  if (ages?.noChildren && facts.childAges.length === 0 && !facts.unborn) facts.noChildren = true;
  if (input.specialNeeds === 'yes') facts.specialNeeds = true;
  else if (input.specialNeeds === 'no' && !facts.specialNeeds) facts.specialNeeds = false;
  return facts;
}
