import { ConfigError, loadConfig } from '../../src/config/loadConfig';
import { reminderSettingsOf } from '../../src/services/reminders/startReminders';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('reminder and notification settings', () => {
  it('defaults to 2 days and 1 day before the deadline, and daily recommendation reminders up to 3', () => {
    const config = loadConfig({});
    expect(reminderSettingsOf(config)).toEqual({
      beforeDeadlineMs: [2 * DAY_MS, DAY_MS],
      afterRecommendationMs: DAY_MS,
      recommendationRepeatMs: DAY_MS,
      recommendationMaxCount: 3,
    });
    expect([config.NOTIFICATION_ATTEMPTS, config.NOTIFICATION_BACKOFF_MS]).toEqual([8, 2000]);
  });

  it.each([
    ['36h,90m', [36 * 60 * 60 * 1000, 90 * 60 * 1000]],
    ['500ms', [500]],
    [' 3d , 12h ', [3 * DAY_MS, 12 * 60 * 60 * 1000]],
    ['none', []],
    ['', [2 * DAY_MS, DAY_MS]], // empty in .env means "not set"
  ])('reads REMINDERS_BEFORE_DEADLINE=%j', (value, expected) => {
    expect(loadConfig({ REMINDERS_BEFORE_DEADLINE: value }).REMINDERS_BEFORE_DEADLINE).toEqual(expected);
  });

  it.each([
    ['REMINDERS_BEFORE_DEADLINE', '2 days'],
    ['REMINDERS_BEFORE_DEADLINE', '2d,-1d'],
    ['REMINDER_AFTER_RECOMMENDATION', '0s'],
    ['REMINDER_RECOMMENDATION_REPEAT', 'daily'],
    ['REMINDER_RECOMMENDATION_MAX', '-1'],
    ['NOTIFICATION_ATTEMPTS', '0'],
  ])('stops the start on %s=%j, naming the variable', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toContain(variable);
  });
});
