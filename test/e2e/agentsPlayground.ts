import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/privateRedis';

const CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** The IANA zone the Playground reports as the user's (it sends its own process's zone). */
  timeZone: string;
}

/**
 * Microsoft 365 Agents Playground (the npm devDependency) as a child process on a free loopback port,
 * playing Teams (channel `msteams`) for the bot. Telemetry is off, it opens no browser, and every
 * outbound HTTP request it might still try goes to a closed loopback port instead of the network.
 */
export class AgentsPlayground {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly workDir: string,
    readonly url: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static async start(options: PlaygroundOptions): Promise<AgentsPlayground> {
    const [port, deadPort] = await Promise.all([freePort(), freePort()]);
    const nowhere = `http://127.0.0.1:${deadPort}`;
    // Its config file and log live in a scratch folder, not in the repository.
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'agents-playground-'));
    const args = [CLI, '--app-endpoint', options.botEndpoint, '--channel-id', 'msteams'];
    args.push('--port', String(port), '--disable-telemetry');
    const child = spawn(process.execPath, args, {
      cwd: workDir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: workDir,
        TZ: options.timeZone,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(workDir, 'playground.log'),
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        http_proxy: nowhere,
        https_proxy: nowhere,
        HTTP_PROXY: nowhere,
        HTTPS_PROXY: nowhere,
        no_proxy: '127.0.0.1,localhost',
        NO_PROXY: '127.0.0.1,localhost',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const playground = new AgentsPlayground(child, workDir, `http://127.0.0.1:${port}/`);
    await playground.waitUntilServing();
    return playground;
  }

  private async waitUntilServing(timeoutMs = 30000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        throw new Error(`the Agents Playground exited with ${this.child.exitCode}:\n${this.output}`);
      }
      const serving = await fetch(this.url).then(
        (response) => response.ok,
        () => false,
      );
      if (serving) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the Agents Playground did not serve ${this.url}:\n${this.output}`);
  }

  /** What it printed, for failure messages. */
  get log(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.workDir, { recursive: true, force: true });
  }
}
