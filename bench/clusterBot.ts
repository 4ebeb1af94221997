import cluster, { Worker } from 'node:cluster';
import os from 'node:os';
import path from 'node:path';

/**
 * The production entry (dist/src/index.js) in Node's cluster: one worker per core (or BENCH_WORKERS),
 * all listening on the same PORT through the primary and sharing the same Redis. Prints
 * `cluster ready <n>` once every worker listens.
 */
function main(): void {
  const workerCount = Number(process.env.BENCH_WORKERS ?? os.availableParallelism());
  // Round-robin in the primary (Node's default on Linux) spreads connections evenly over workers.
  cluster.schedulingPolicy = cluster.SCHED_RR;
  cluster.setupPrimary({ exec: path.resolve(__dirname, '../src/index.js') });

  let listening = 0;
  let stopping = false;
  const workers: Worker[] = [];
  for (let i = 0; i < workerCount; i += 1) workers.push(cluster.fork());

  cluster.on('listening', () => {
    listening += 1;
    if (listening === workerCount) console.log(`cluster ready ${workerCount}`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (workers.every((each) => each.isDead())) process.exit(0);
      return;
    }
    console.error(`worker ${worker.process.pid} ended (${signal ?? code}); stopping the cluster`);
    process.exit(1);
  });
  process.on('SIGTERM', () => {
    stopping = true;
    for (const worker of workers) worker.process.kill('SIGTERM');
  });
}

main();
