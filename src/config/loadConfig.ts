import { config as readDotEnv } from 'dotenv';
import { AppConfig, configSchema, credentialProblems } from './configSchema';

/** Thrown when the environment is invalid; `problems` holds one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates an environment (process.env by default, after reading `.env` when one exists). */
export function loadConfig(env: NodeJS.ProcessEnv = readEnvironment()): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const fieldProblems = parsed.error.issues.map((issue) => {
    const variable = issue.path.join('.') || '(environment)';
    const value = env[variable];
    const shown = value === undefined || /PASSWORD|SECRET/i.test(variable) ? '' : ` (got "${value}")`;
    return `${variable}: ${issue.message}${shown}`;
  });
  const crossProblems = credentialProblems(env).map((problem) => `${problem.variable}: ${problem.message}`);
  throw new ConfigError([...new Set([...fieldProblems, ...crossProblems])]);
}

function readEnvironment(): NodeJS.ProcessEnv {
  // quiet: dotenv 17+ prints a banner otherwise; a missing .env is normal.
  readDotEnv({ quiet: true });
  return process.env;
}
