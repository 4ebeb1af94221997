import { BotConversation, textOf } from '../support/botConversation';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';

describe('the bot process', () => {
  it('without REDIS_URL says first that state is not durable, and answers', async () => {
    const bot = await BotProcess.start();
    const firstLine = bot.output.split('\n').find((line) => line.startsWith('{')) ?? '';
    expect(firstLine).toMatch(/NOT durable/);
    expect(firstLine).toMatch(/"mode":"embedded"/);
    expect(textOf(await new BotConversation(bot.baseUrl).send('hello'))).toMatch(/dispute assistant/);
    expect(await bot.stop('SIGINT')).toBe(0);
  });

  it('on SIGTERM finishes the turn in flight, then exits cleanly', async () => {
    const redis = await PrivateRedis.start();
    try {
      const bot = await BotProcess.start({ REDIS_URL: redis.url, REDIS_COMMAND_TIMEOUT_MS: '5000' });
      const conversation = new BotConversation(bot.baseUrl);
      await conversation.send('hello');
      // With Redis frozen the next turn waits on its state read: it is in flight when SIGTERM arrives.
      redis.pause();
      const inFlight = conversation.send('what is mediation');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const exited = bot.stop('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      redis.resume();
      expect(textOf(await inFlight)).toMatch(/mediation specialist/);
      expect(await exited).toBe(0);
      expect(bot.output).toMatch(/"event":"shutdown"/);
    } finally {
      redis.resume();
      await redis.destroy();
    }
  });
});
