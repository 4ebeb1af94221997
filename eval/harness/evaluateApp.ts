import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/loadConfig';
import { PolicyContent } from '../../src/services/content/PolicyContent';
import { createLogger } from '../../src/services/logging/logger';
import { asEvalCases, loadCaseSet } from './loadCases';
import { CaseResult, EVAL_CHANNELS, runEvaluation } from './runEvaluation';

/**
 * Starts the whole bot in this process on a free loopback port with embedded storage (no Redis),
 * runs the evaluation set through its HTTP endpoint on every channel, and stops it again.
 */
export async function evaluateApp(channels: readonly string[] = EVAL_CHANNELS): Promise<CaseResult[]> {
  const config = loadConfig({ LOG_LEVEL: 'silent', HOST: '127.0.0.1' });
  const app = await createApp(config, createLogger(config.LOG_LEVEL));
  try {
    const port = await app.listen(0);
    return await runEvaluation({
      baseUrl: `http://127.0.0.1:${port}`,
      content: PolicyContent.load(config.CONTENT_FILE),
      cases: asEvalCases(loadCaseSet()),
      channels,
    });
  } finally {
    await app.stop();
  }
}
