import type { TurnContext } from 'botbuilder';
import { inductionCompleteCard, inductionFeedbackCard, inductionStepCard, type CardContext } from '../../cards/induction-cards';
import type { CourseStep } from '../../knowledge/induction';
import type { CommandContext, PolicyBot } from '../handler';
import { fill, INDUCTION_MESSAGES as W, MESSAGES } from '../messages';
import { formatIssued } from '../../cards/citation-text';
import { positionIn, stepsFor, topicsDone, type CourseSources } from './course';
import { EMPTY, ProgressStore, scoreOf, type Progress } from './progress';
import { SharedCompletions } from './shared';
import { type answerEnvelope, answersSchema } from './submissions';
import type { z } from 'zod';

/**
 * The induction course for one user: start or resume, a step card, its answers marked with the
 * passage as the explanation, the completion card, sharing the completion date. Progress lives in
 * user state (step ids and counts only); the log gets the action and step id, never an answer.
 */

export interface FlowOptions {
  sources: CourseSources;
  /** Today as YYYY-MM-DD (tests fix it). */
  today?: () => string;
}

interface Course {
  steps: CourseStep[];
  progress: Progress;
}

export class InductionFlow {
  readonly progress: ProgressStore;
  readonly shared: SharedCompletions;
  private readonly today: () => string;

  constructor(
    private readonly bot: PolicyBot,
    private readonly opts: FlowOptions,
  ) {
    this.progress = new ProgressStore(bot.services.userState);
    this.shared = new SharedCompletions(() => bot.services.store?.storage);
    this.today = opts.today ?? (() => new Date().toISOString().slice(0, 10));
  }

  private cardContext(): CardContext {
    return { words: W, publicBaseUrl: this.bot.services.publicBaseUrl, authorityName: this.bot.displayName };
  }

  private log(turn: TurnContext, action: string, fields: Record<string, string | number | boolean> = {}): void {
    this.bot.services.log.info('induction', { activityId: turn.activity.id, action, ...fields });
  }

  /** The user's course and progress; undefined (and the set-authority card sent) when they have no authority. */
  private async course(turn: TurnContext): Promise<Course | undefined> {
    const id = await this.bot.getAuthority(turn);
    if (!id) {
      await turn.sendActivity(W.setAuthorityFirst);
      await this.bot.sendSetAuthorityCard(turn);
      return undefined;
    }
    const steps = stepsFor(this.opts.sources, { id, name: this.bot.displayName(id) });
    return { steps, progress: (await this.progress.get(turn)) ?? EMPTY };
  }

  /** The current step's card, or the completion card when every step is done. */
  private async showCurrent(turn: TurnContext, { steps, progress }: Course): Promise<void> {
    const at = positionIn(steps, progress);
    if (!at.step) return this.showComplete(turn, { steps, progress });
    await turn.sendActivity({ attachments: [inductionStepCard(at.step, at, this.cardContext())] });
  }

  private async showComplete(turn: TurnContext, { steps, progress }: Course): Promise<void> {
    const { right, of } = scoreOf(progress);
    const completedOn = progress.completedOn ?? this.today();
    const card = inductionCompleteCard({ topics: topicsDone(steps, progress), right, of, completedOn, shared: progress.shared === true }, W);
    await turn.sendActivity({ attachments: [card] });
  }

  /** `induction`, `start induction`, `resume induction`: where the user stopped, or the first step. */
  start = async ({ turn }: CommandContext): Promise<void> => {
    const course = await this.course(turn);
    if (!course) return;
    const at = positionIn(course.steps, course.progress);
    this.log(turn, 'start', { resumed: at.doneCount > 0, steps: at.total });
    if (at.step) await turn.sendActivity(at.doneCount > 0 ? fill(W.resumed, { done: at.doneCount, total: at.total }) : W.started);
    await this.showCurrent(turn, course);
  };

  /** `induction progress`: a line, no card. */
  report = async ({ turn }: CommandContext): Promise<void> => {
    const course = await this.course(turn);
    if (!course) return;
    const at = positionIn(course.steps, course.progress);
    const { right, of } = scoreOf(course.progress);
    this.log(turn, 'progress');
    if (course.progress.done.length === 0) await turn.sendActivity(W.notStarted);
    else if (!at.step && course.progress.completedOn)
      await turn.sendActivity(fill(W.progressComplete, { date: formatIssued(course.progress.completedOn), right, of }));
    else await turn.sendActivity(fill(W.progress, { done: at.doneCount, total: at.total, right, of }));
  };

  /** A step card's answers: marked, saved, and the feedback card with the passage as the explanation. */
  answer = async ({ turn }: CommandContext, data: z.output<typeof answerEnvelope>): Promise<void> => {
    const course = await this.course(turn);
    if (!course) return;
    const at = positionIn(course.steps, course.progress);
    const step = course.steps.find((s) => s.id === data.step);
    if (!step) return this.stale(turn, course);
    if (course.progress.done.some((d) => d.id === step.id)) {
      await turn.sendActivity(W.alreadyAnswered);
      return this.showCurrent(turn, course);
    }
    if (at.step?.id !== step.id) return this.stale(turn, course);
    const chosen = answersSchema(step, W.chooseAnswer).safeParse(data);
    if (!chosen.success) {
      this.log(turn, 'answer-rejected', { step: step.id });
      await turn.sendActivity(fill(MESSAGES.badCard, { problems: W.chooseAnswer }));
      return;
    }
    const answers = chosen.data as Record<string, number>;
    const marked = step.questions.map((q) => ({ question: q, right: answers[`answer-${q.id}`] === q.answer }));
    await this.record(turn, course, step, marked.filter((m) => m.right).length);
    const last = positionIn(course.steps, course.progress).step === undefined;
    await turn.sendActivity({ attachments: [inductionFeedbackCard(step, marked, { ...at, last }, this.cardContext())] });
  };

  private async record(turn: TurnContext, course: Course, step: CourseStep, right: number): Promise<void> {
    course.progress = { ...course.progress, done: [...course.progress.done, { id: step.id, right, of: step.questions.length }] };
    if (!positionIn(course.steps, course.progress).step) course.progress.completedOn = this.today();
    this.log(turn, 'answer', { step: step.id, complete: course.progress.completedOn !== undefined });
    if (!(await this.progress.set(turn, course.progress))) await turn.sendActivity(W.notSaved);
  }

  private async stale(turn: TurnContext, course: Course): Promise<void> {
    this.log(turn, 'stale');
    await turn.sendActivity(W.stale);
    await this.showCurrent(turn, course);
  }

  /** "Next step" / "See my summary". */
  next = async ({ turn }: CommandContext): Promise<void> => {
    const course = await this.course(turn);
    if (course) await this.showCurrent(turn, course);
  };

  restart = async ({ turn }: CommandContext): Promise<void> => {
    const course = await this.course(turn);
    if (!course) return;
    if (course.progress.shared) await this.shared.unshare(this.bot.stateIdOf(turn));
    course.progress = EMPTY;
    this.log(turn, 'restart');
    if (!(await this.progress.set(turn, EMPTY))) await turn.sendActivity(W.notSaved);
    else await turn.sendActivity(W.restarted);
    await this.showCurrent(turn, course);
  };

  /** Share (or stop sharing) the completion date: the only thing anyone else can see. */
  setSharing = async ({ turn }: CommandContext, share: boolean): Promise<void> => {
    const course = await this.course(turn);
    if (!course) return;
    const completedOn = course.progress.completedOn;
    if (!completedOn) return void (await turn.sendActivity(W.notComplete));
    const me = this.bot.stateIdOf(turn);
    const stored = share ? await this.shared.share(me, completedOn) : await this.shared.unshare(me);
    course.progress = { ...course.progress, shared: share };
    this.log(turn, share ? 'share' : 'unshare', { saved: stored });
    if (!stored || !(await this.progress.set(turn, course.progress))) return void (await turn.sendActivity(W.notSaved));
    await turn.sendActivity(share ? fill(W.shared, { date: formatIssued(completedOn) }) : W.unshared);
    await this.showComplete(turn, course);
  };
}
