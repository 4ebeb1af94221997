// Runs the built bot in a plain Node process with tracing to the SDK's in-memory exporter, sends the
// turns given on the command line over HTTP, and prints the finished spans as JSON. A separate process
// because the ioredis instrumentation patches the module through Node's own require, which Jest's
// module loader bypasses. Usage: node tracedBot.js <redis url> <message>...
/* global fetch */
'use strict';

const path = require('node:path');
const { randomUUID } = require('node:crypto');

const dist = path.resolve(__dirname, '../../../dist/src');

async function main() {
  const [redisUrl, ...messages] = process.argv.slice(2);
  const { InMemorySpanExporter } = require('@opentelemetry/sdk-trace-node');
  const { startTracing } = require(path.join(dist, 'services/tracing/startTracing'));
  const exporter = new InMemorySpanExporter();
  // Started before the app (and so ioredis) is loaded, as src/index.ts does.
  const tracing = startTracing(exporter, { batch: false });

  const { loadConfig } = require(path.join(dist, 'config/loadConfig'));
  const { createLogger } = require(path.join(dist, 'services/logging/logger'));
  const { createApp } = require(path.join(dist, 'app'));
  const config = loadConfig({ REDIS_URL: redisUrl, LOG_LEVEL: 'silent', HOST: '127.0.0.1' });
  const app = await createApp(config, createLogger('silent'));
  const port = await app.listen(0);
  const conversation = `conv-${randomUUID()}`;
  const replies = [];
  for (const text of messages) {
    const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: randomUUID(),
        text,
        channelId: 'webchat',
        serviceUrl: 'http://127.0.0.1:1',
        conversation: { id: conversation },
        from: { id: `user-${conversation}` },
        recipient: { id: 'bot' },
        deliveryMode: 'expectReplies',
      }),
    });
    const body = await response.json();
    replies.push(...(body.activities ?? []).map((activity) => activity.text ?? ''));
  }
  await app.stop();
  const spans = exporter.getFinishedSpans().map((span) => ({
    name: span.name,
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    attributes: span.attributes,
  }));
  await tracing.shutdown();
  process.stdout.write(JSON.stringify({ replies, spans }));
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
