import { ActivityTypes, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { choiceMessage } from '../rendering/choiceMessage';
import { recognizeChoice } from '../../dialogs/recognizeChoice';
import type { OutcomeEvent } from '../../services/analytics/outcomeEvent';
import { SYSTEM_TOPICS } from '../../services/analytics/dashboardFigures';
import { recordOutcome, TURN_OUTCOMES } from '../../dialogs/recordOutcome';
import { NO_COMMENT, RATING_CHOICES, SATISFACTION_TEXT } from './satisfactionWording';

/** Where the survey stands in one conversation (conversation state). */
export interface SurveyState {
  /** A topic the user came for has started: a later "thanks" ends a real conversation. */
  engaged?: boolean;
  /** Asked once per conversation: a user who ignored it is not asked again. */
  asked?: boolean;
  /** What the next message may answer. */
  awaiting?: 'rating' | 'comment';
}

/**
 * The satisfaction question (CSAT): asked once per conversation at its natural end (a dispute
 * recorded, thanks or goodbye after an answer: the turn's "contained" outcome; or a hand-off an agent
 * closed), rendered per channel by the shared renderer. A 1–5 rating, then an optional comment, are
 * recorded as outcomes (masked, no user id). Anything else ends the survey and is handled as usual.
 */
export class SatisfactionSurvey {
  constructor(private readonly state: StatePropertyAccessor<SurveyState>) {}

  /** Before the dialogs: an answer to the survey is taken here (true); anything else goes on. */
  async intercept(context: TurnContext): Promise<boolean> {
    if (context.activity.type !== ActivityTypes.Message) return false;
    const survey = await this.state.get(context, {});
    if (survey.awaiting === 'rating') {
      const rating = recognizeChoice(context.activity, RATING_CHOICES);
      await this.state.set(context, { ...survey, awaiting: rating ? 'comment' : undefined });
      if (!rating) return false;
      recordOutcome(context, { kind: 'csat_rated', score: Number(rating.value) });
      await context.sendActivity(
        choiceMessage(context.activity.channelId, SATISFACTION_TEXT.thanksAskComment, [NO_COMMENT]),
      );
      return true;
    }
    if (survey.awaiting === 'comment') {
      await this.state.set(context, { ...survey, awaiting: undefined });
      const text = context.activity.text?.trim() ?? '';
      if (!text || recognizeChoice(context.activity, [NO_COMMENT])) {
        await context.sendActivity(SATISFACTION_TEXT.noComment);
        return true;
      }
      recordOutcome(context, { kind: 'csat_comment', comment: text.slice(0, 1000) });
      await context.sendActivity(SATISFACTION_TEXT.thanksForComment);
      return true;
    }
    return false;
  }

  /** After the dialogs: asks when this turn ended a conversation that was about something. */
  async afterTurn(context: TurnContext): Promise<void> {
    const happened = (context.turnState.get(TURN_OUTCOMES) as OutcomeEvent[] | undefined) ?? [];
    const survey = await this.state.get(context, {});
    const engaged =
      survey.engaged ||
      happened.some((event) => event.kind === 'topic_started' && !SYSTEM_TOPICS.has(event.topic));
    if (engaged !== Boolean(survey.engaged)) await this.state.set(context, { ...survey, engaged });
    if (engaged && happened.some((event) => event.kind === 'contained')) await this.ask(context);
  }

  /** Asks, unless this conversation was asked already. */
  async ask(context: TurnContext): Promise<void> {
    const survey = await this.state.get(context, {});
    if (survey.asked) return;
    await this.state.set(context, { ...survey, asked: true, awaiting: 'rating' });
    recordOutcome(context, { kind: 'csat_asked' });
    await context.sendActivity(
      choiceMessage(context.activity.channelId, SATISFACTION_TEXT.question, RATING_CHOICES),
    );
  }
}
