/** When reminders fire; from configuration (REMINDER_* variables), short in tests. */
export interface ReminderSettings {
  /** Before the refund-request deadline, e.g. [2 days, 1 day] in ms. */
  readonly beforeDeadlineMs: readonly number[];
  /** First reminder this long after a recommendation is issued, while the user has not answered. */
  readonly afterRecommendationMs: number;
  /** Then again every this long... */
  readonly recommendationRepeatMs: number;
  /** ...up to this many reminders in all (0 = none). */
  readonly recommendationMaxCount: number;
}
