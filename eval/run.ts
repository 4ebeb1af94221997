import { evaluateApp } from './harness/evaluateApp';
import { formatReport } from './harness/report';
import { EVAL_CHANNELS } from './harness/runEvaluation';

/**
 * `npm run eval`: the evaluation set of issue 13 against an in-process bot, on webchat, slack and
 * msteams. Prints every failure and the pass rates; `--channel=slack` narrows it to one channel.
 */
async function main(): Promise<void> {
  const channelArg = process.argv.find((arg) => arg.startsWith('--channel='))?.split('=')[1];
  const started = Date.now();
  const results = await evaluateApp(channelArg ? [channelArg] : EVAL_CHANNELS);
  console.log(formatReport(results));
  console.log(`(${results.length} runs in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
