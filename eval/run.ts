import { writeFileSync } from 'node:fs';
import { evaluateApp } from './harness/evaluateApp';
import { formatReport } from './harness/report';
import { EVAL_CHANNELS } from './harness/runEvaluation';

/**
 * `npm run eval`: the evaluation set of issue 13 against an in-process bot, on webchat, slack and
 * msteams. Prints every failure and the pass rates; `--channel=slack` narrows it to one channel,
 * `--json=file` also writes every result, to compare two runs.
 */
async function main(): Promise<void> {
  const option = (name: string) =>
    process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const channelArg = option('channel');
  const jsonFile = option('json');
  const started = Date.now();
  const results = await evaluateApp(channelArg ? [channelArg] : EVAL_CHANNELS);
  console.log(formatReport(results));
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`(${results.length} runs in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
