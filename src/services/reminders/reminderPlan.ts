import type { DisputeChange } from '../disputes/DisputeService';
import type { ReminderJob } from './ReminderJob';
import type { ReminderSettings } from './ReminderSettings';

/**
 * The reminders a change calls for: filing with a deadline schedules the ones before the
 * refund-request window closes; an issued recommendation schedules the ones while it awaits an answer.
 */
export function plannedReminders(change: DisputeChange, settings: ReminderSettings): ReminderJob[] {
  const { dispute } = change;
  if (change.event === 'filed' && dispute.deadline) {
    const deadline = Date.parse(dispute.deadline);
    // Longest offset first, so reminder 1 is the earliest.
    return [...new Set(settings.beforeDeadlineMs)]
      .sort((a, b) => b - a)
      .map((offset, index) => ({
        disputeId: dispute.id,
        kind: 'deadline',
        dueAt: new Date(deadline - offset).toISOString(),
        number: index + 1,
      }));
  }
  if (change.event === 'recommendation_issued' && dispute.recommendation) {
    const issuedAt = Date.parse(dispute.recommendation.issuedAt);
    return Array.from({ length: settings.recommendationMaxCount }, (_, index) => ({
      disputeId: dispute.id,
      kind: 'recommendation',
      dueAt: new Date(
        issuedAt + settings.afterRecommendationMs + index * settings.recommendationRepeatMs,
      ).toISOString(),
      number: index + 1,
    }));
  }
  return [];
}
