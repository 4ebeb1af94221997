import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { pinProcess } from './cpuPinning';
import type { DriverMessage, LoadRequest, LoadResult } from './driverProtocol';
import { cpuMsOf } from './procStats';

/** The orchestrator's handle on the load driver process (one process, kept warm across runs). */
export class LoadDriverClient {
  private constructor(private readonly child: ChildProcess) {}

  static start(cores: string | undefined): LoadDriverClient {
    const child = fork(path.resolve(__dirname, 'loadDriver.js'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    if (child.pid !== undefined) pinProcess(child.pid, cores);
    return new LoadDriverClient(child);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  cpuMs(): number {
    return cpuMsOf(this.pid);
  }

  /** Moves the driver to other cores (the cluster phase shares every core). */
  repin(cores: string): void {
    pinProcess(this.pid, cores);
  }

  async run(request: LoadRequest): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: DriverMessage) => {
        cleanup();
        if (message.type === 'result') resolve(message.result);
        else reject(new Error(`load driver failed: ${message.message}`));
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`load driver exited with ${code}`));
      };
      const cleanup = () => {
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
      };
      this.child.on('message', onMessage);
      this.child.on('exit', onExit);
      this.child.send(request);
    });
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
  }
}
