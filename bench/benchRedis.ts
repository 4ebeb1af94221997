import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onCores } from './cpuPinning';
import { freePort, waitForPort } from './freePort';

/**
 * A redis-server owned by one bench run: its own port and data directory, no persistence, so the
 * figures never touch (or depend on) any other Redis on the machine. Same idea as the tests'
 * PrivateRedis, kept separate because bench code does not import from test/.
 */
export class BenchRedis {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    private readonly dataDir: string,
  ) {}

  static async start(cores: string | undefined): Promise<BenchRedis> {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-redis-'));
    const [command, args] = onCores(cores, 'redis-server', [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dataDir,
    ]);
    const child = spawn(command, args, { stdio: 'ignore' });
    const redis = new BenchRedis(child, port, dataDir);
    try {
      await waitForPort(port, 10000);
    } catch (error) {
      await redis.stop();
      throw error;
    }
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      await new Promise<void>((resolve) => {
        this.child.once('exit', () => resolve());
        this.child.kill('SIGTERM');
      });
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
