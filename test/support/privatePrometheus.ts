import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './privateRedis';

export const PROMETHEUS_BINARY = '/usr/bin/prometheus';

/** One sample of an instant vector from Prometheus's HTTP API. */
export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

/**
 * Debian's real Prometheus, owned by one test: loopback only, storage in a temporary directory,
 * scraping one target every second with a bearer token.
 */
export class PrivatePrometheus {
  private output = '';

  private constructor(
    private readonly process: ChildProcess,
    private readonly dir: string,
    readonly baseUrl: string,
  ) {
    process.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    process.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static async start(target: { hostPort: string; bearerToken: string }): Promise<PrivatePrometheus> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'private-prometheus-'));
    const config = [
      'global:',
      '  scrape_interval: 1s',
      '  scrape_timeout: 1s',
      'scrape_configs:',
      '  - job_name: dispute-assistant',
      '    metrics_path: /metrics',
      '    authorization:',
      '      type: Bearer',
      `      credentials: ${target.bearerToken}`,
      '    static_configs:',
      `      - targets: ['${target.hostPort}']`,
      '',
    ].join('\n');
    const configFile = path.join(dir, 'prometheus.yml');
    writeFileSync(configFile, config);
    const port = await freePort();
    const child = spawn(
      PROMETHEUS_BINARY,
      [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const prometheus = new PrivatePrometheus(child, dir, `http://127.0.0.1:${port}`);
    await prometheus.until(async () => (await fetch(`${prometheus.baseUrl}/-/ready`)).ok, 20000);
    return prometheus;
  }

  /** An instant query through /api/v1/query. */
  async query(promql: string): Promise<PromSample[]> {
    const response = await fetch(`${this.baseUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await response.json()) as { status: string; data: { result: PromSample[] } };
    if (body.status !== 'success') throw new Error(`query failed: ${JSON.stringify(body)}`);
    return body.data.result;
  }

  /** The state of each scrape target, as Prometheus saw it on its last scrape. */
  async targets(): Promise<Array<{ health: string; lastError: string }>> {
    const response = await fetch(`${this.baseUrl}/api/v1/targets`);
    const body = (await response.json()) as {
      data: { activeTargets: Array<{ health: string; lastError: string }> };
    };
    return body.data.activeTargets;
  }

  /** Polls until the check holds (errors count as "not yet"). */
  async until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.process.exitCode !== null) throw new Error(`prometheus exited:\n${this.output}`);
      if (await check().catch(() => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(
      `condition not met within ${timeoutMs} ms; prometheus said:\n${this.output.slice(-2000)}`,
    );
  }

  async destroy(): Promise<void> {
    if (this.process.exitCode === null) {
      await new Promise<void>((resolve) => {
        this.process.once('exit', () => resolve());
        this.process.kill('SIGTERM');
      });
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
