import { PrivateRedis } from '../support/privateRedis';
import { startCapturingApp } from './support/capturingApp';

it('stops the app even when Redis went away first (the job queues do not hang shutdown)', async () => {
  const redis = await PrivateRedis.start();
  const bot = await startCapturingApp({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'gone' });
  await redis.destroy();

  await expect(bot.stop()).resolves.toBeUndefined();
}, 30000);
