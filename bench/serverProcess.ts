import { ChildProcess, spawn } from 'node:child_process';
import { onCores } from './cpuPinning';
import { freePort } from './freePort';

export interface ServerLaunch {
  /** Shown in errors and the report. */
  name: string;
  /** The built script to run with node. */
  entry: string;
  env: Record<string, string>;
  cores: string | undefined;
  /** Extra node flags (`--cpu-prof` ...). */
  nodeArgs?: string[];
  /** A line the process prints once it is completely up (the cluster's primary, after every worker listens). */
  readyLine?: RegExp;
}

const START_TIMEOUT_MS = 60000;

/**
 * A server under test as a child process, the way production runs it (`node dist/...`). Start-up is
 * measured from spawn to the first 200 on GET /healthz, so model training and warm-up count.
 */
export class ServerProcess {
  private output = '';
  private measuredStartupMs = NaN;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    const collect = (chunk: Buffer) => (this.output += chunk.toString());
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
  }

  /** Spawns and waits until it serves; `register` sees the process first, so a failed start is still stopped. */
  static async start(
    launch: ServerLaunch,
    register: (server: ServerProcess) => void,
  ): Promise<ServerProcess> {
    const port = await freePort();
    const [command, args] = onCores(launch.cores, process.execPath, [
      ...(launch.nodeArgs ?? []),
      launch.entry,
    ]);
    const spawnedAt = performance.now();
    const child = spawn(command, args, {
      env: {
        PATH: process.env.PATH ?? '',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        ...launch.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(launch.name, child, `http://127.0.0.1:${port}`);
    register(server);
    await server.waitUntilServing(launch.readyLine);
    server.measuredStartupMs = performance.now() - spawnedAt;
    return server;
  }

  /** Spawn to first 200 on /healthz (and the ready line, when there is one), in milliseconds. */
  get startupMs(): number {
    return this.measuredStartupMs;
  }

  /** Node's process id: taskset execs node, so the id stays the same. */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  get log(): string {
    return this.output;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGTERM (graceful: a --cpu-prof profile is written on exit), SIGKILL if it takes over 15 s. */
  async stop(): Promise<void> {
    if (!this.running) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => this.child.kill('SIGKILL'), 15000);
      this.child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      this.child.kill('SIGTERM');
    });
  }

  private async waitUntilServing(readyLine: RegExp | undefined): Promise<void> {
    const deadline = performance.now() + START_TIMEOUT_MS;
    while (performance.now() < deadline) {
      if (!this.running) throw new Error(`${this.name} exited while starting:\n${this.output}`);
      const healthy = await fetch(`${this.baseUrl}/healthz`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (healthy && (!readyLine || readyLine.test(this.output))) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`${this.name} did not answer /healthz within ${START_TIMEOUT_MS} ms:\n${this.output}`);
  }
}
