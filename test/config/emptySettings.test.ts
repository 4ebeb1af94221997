import { parse } from 'dotenv';
import { configVariables } from '../../src/config/configSchema';
import { loadConfig } from '../../src/config/loadConfig';
import { BotProcess } from '../support/botProcess';

/** The `.env` the Bot Framework samples ship: every credential present but empty. */
const SAMPLES_DOT_ENV = `MicrosoftAppType=
MicrosoftAppId=
MicrosoftAppPassword=
MicrosoftAppTenantId=
PORT=3978
`;

describe('empty settings mean unset', () => {
  it("loads the Bot Framework samples' .env with the defaults", () => {
    const config = loadConfig(parse(SAMPLES_DOT_ENV));
    expect(config).toEqual(loadConfig({ PORT: '3978' }));
    expect(config.MicrosoftAppType).toBe('MultiTenant');
    expect(config.MicrosoftAppId).toBeUndefined();
  });

  it.each(configVariables)('%s= (empty or blank) falls back to its default', (variable) => {
    const defaults = loadConfig({});
    expect(loadConfig({ [variable]: '' })).toEqual(defaults);
    expect(loadConfig({ [variable]: '   ' })).toEqual(defaults);
  });

  it("starts the built bot with the samples' .env and answers /healthz", async () => {
    const bot = await BotProcess.start(parse(SAMPLES_DOT_ENV.replace('PORT=3978\n', '')));
    try {
      const response = await fetch(`${bot.baseUrl}/healthz`);
      expect(response.status).toBe(200);
      expect(bot.output).not.toMatch(/Invalid configuration/);
    } finally {
      await bot.stop();
    }
  });
});
