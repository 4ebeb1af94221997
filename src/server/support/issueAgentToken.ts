import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/loadConfig';
import { AGENT_TOKEN_MAX_LIFETIME_SECONDS, agentRoleSchema, signAgentToken } from './agentToken';

const USAGE =
  'usage: node dist/src/server/support/issueAgentToken.js --role agent|mediator|supervisor --sub <who> [--hours 8] (12 at most)';

/**
 * Prints a bearer token for the agent API, signed with AGENT_JWT_SECRET from the environment or .env.
 * For operators and local testing; a real deployment issues these from its identity provider.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, sub: { type: 'string' }, hours: { type: 'string', default: '8' } },
  });
  const role = agentRoleSchema.safeParse(values.role);
  const hours = Number(values.hours);
  if (!role.success || !values.sub || !(hours > 0 && hours * 3600 <= AGENT_TOKEN_MAX_LIFETIME_SECONDS)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const secret = loadConfig().AGENT_JWT_SECRET;
  if (!secret) {
    process.stderr.write('AGENT_JWT_SECRET is not set (environment or .env)\n');
    process.exit(1);
  }
  const token = await signAgentToken(secret, {
    sub: values.sub,
    role: role.data,
    ttlSeconds: Math.round(hours * 3600),
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
