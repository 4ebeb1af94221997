import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from './privateRedis';

const ENTRY = path.resolve(__dirname, '../../dist/src/index.js');

/** The built bot (`npm run build`, done by `pretest`) as a real child process, as `npm start` runs it. */
export class BotProcess {
  output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  /** The process id, to read its memory from /proc or attach to it. */
  get pid(): number {
    if (this.child.pid === undefined) throw new Error('the bot process has no pid');
    return this.child.pid;
  }

  static spawn(env: Record<string, string>, port: number): BotProcess {
    const child = spawn(process.execPath, [ENTRY], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new BotProcess(child, `http://127.0.0.1:${port}`);
  }

  /** Spawns and waits until GET /healthz answers 200. */
  static async start(env: Record<string, string> = {}): Promise<BotProcess> {
    const bot = BotProcess.spawn(env, await freePort());
    await bot.waitUntilHealthy();
    return bot;
  }

  async waitUntilHealthy(timeoutMs = 15000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null)
        throw new Error(`bot exited with ${this.child.exitCode}:\n${this.output}`);
      const healthy = await fetch(`${this.baseUrl}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`bot did not become healthy:\n${this.output}`);
  }

  /** Resolves with the exit code once the process has ended. */
  exited(): Promise<number | null> {
    if (this.child.exitCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const exit = this.exited();
    this.child.kill(signal);
    return exit;
  }
}
