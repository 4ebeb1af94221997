import { ConfigError, loadConfig } from '../../src/config/loadConfig';
import { BotProcess } from '../support/botProcess';

describe('configuration', () => {
  it('runs on defaults with nothing set: port 3978, embedded storage', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.MicrosoftAppId).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty', /PORT/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL/],
    ['STATE_TTL_SECONDS', '-5', /STATE_TTL_SECONDS/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['DEFAULT_TIME_ZONE', 'Mars/Olympus', /DEFAULT_TIME_ZONE.*IANA/],
    ['REDIS_KEY_PREFIX', 'a b', /REDIS_KEY_PREFIX/],
  ])('rejects %s=%s and names the variable', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(message);
  });

  it('lists every bad variable, one line each, and never echoes a password', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'loud', MicrosoftAppId: 'app', MicrosoftAppPassword: '' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems.map((line) => line.split(':')[0]).sort()).toEqual([
        'LOG_LEVEL',
        'MicrosoftAppPassword',
        'PORT',
      ]);
    }
  });

  it('stops the process at start with the bad variable named', async () => {
    const bot = BotProcess.spawn({ PORT: 'not-a-port', REDIS_URL: 'nope' }, 0);
    expect(await bot.exited()).toBe(1);
    expect(bot.output).toMatch(/PORT: .*not-a-port/);
    expect(bot.output).toMatch(/REDIS_URL: /);
  });
});
