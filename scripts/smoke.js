'use strict';
/* global console, fetch, setTimeout */
// A smoke run of the built bot (`npm run build` first) on whichever Node runs this script, as CI does
// on Node 22 after the whole suite on Node 24: start it with --trace-deprecation, one turn through
// /api/messages (expectReplies), /healthz, the widget page, the agent API without a token, then stop
// it. Fails on any step, and on any deprecation or other runtime warning the process prints.
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const net = require('node:net');
const path = require('node:path');

const ENTRY = path.join(__dirname, '..', 'dist', 'src', 'index.js');
const WARNING = /DeprecationWarning|ExperimentalWarning|\bDEP\d{4}\b|Warning: /;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

async function waitUntilHealthy(baseUrl, bot) {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (bot.exitCode !== null) throw new Error(`the bot exited with ${bot.exitCode}`);
    const response = await fetch(`${baseUrl}/healthz`).catch(() => undefined);
    if (response && response.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('/healthz did not answer 200 within 30 s');
}

function expect(condition, what) {
  if (!condition) throw new Error(what);
  console.log(`  ok: ${what}`);
}

async function oneTurn(baseUrl) {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      text: 'hello',
      channelId: 'emulator',
      deliveryMode: 'expectReplies',
      serviceUrl: 'http://127.0.0.1:1',
      conversation: { id: `smoke-${Date.now()}` },
      from: { id: 'smoke-user' },
      recipient: { id: 'bot' },
    }),
  });
  const body = await response.json();
  const texts = (body.activities || []).filter((activity) => activity.type === 'message' && activity.text);
  expect(response.status === 200 && texts.length > 0, 'POST /api/messages (expectReplies) answers a turn');
}

async function main() {
  console.log(`Smoke run on Node ${process.version}`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const bot = spawn(process.execPath, ['--trace-deprecation', '--trace-warnings', ENTRY], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // Set, so the agent API is on and refuses a request without a token (401), not 503.
      AGENT_JWT_SECRET: randomBytes(32).toString('hex'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  bot.stdout.on('data', (chunk) => (output += chunk));
  bot.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => bot.once('exit', (code) => resolve(code)));
  try {
    await waitUntilHealthy(baseUrl, bot);
    expect(true, 'GET /healthz answers 200');
    await oneTurn(baseUrl);
    const page = await fetch(`${baseUrl}/`);
    const html = await page.text();
    expect(page.status === 200 && html.includes('widget.js'), 'GET / serves the widget page');
    const agent = await fetch(`${baseUrl}/api/agent/queue`);
    expect(agent.status === 401, 'GET /api/agent/queue without a token answers 401');
  } finally {
    bot.kill('SIGTERM');
  }
  const code = await exited;
  expect(code === 0, 'SIGTERM stops the bot with exit code 0');
  const warnings = output.split('\n').filter((line) => WARNING.test(line));
  expect(
    warnings.length === 0,
    `no deprecation or runtime warning at start${warnings.length ? `:\n${warnings.join('\n')}` : ''}`,
  );
}

main().catch((error) => {
  console.error(`Smoke run failed on Node ${process.version}: ${error.message}`);
  process.exitCode = 1;
});
