/** What a driver child process sends back to the orchestrator: its result, or why it failed. */
export type ChildMessage<Result> = { type: 'result'; result: Result } | { type: 'error'; message: string };

/**
 * Runs in a driver child process: answers each request from the orchestrator with `run`'s result.
 * The orchestrator going away (even killed) closes the channel: nothing must keep driving load then.
 */
export function serveOrchestrator<Request, Result>(run: (request: Request) => Promise<Result>): void {
  const send = (message: ChildMessage<Result>) => process.send?.(message);
  process.on('message', (request: Request) => {
    run(request).then(
      (result) => send({ type: 'result', result }),
      (error: Error) => send({ type: 'error', message: error.stack ?? error.message }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}
