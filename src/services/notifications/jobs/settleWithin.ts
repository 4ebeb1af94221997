/**
 * Waits for the promises, but no longer than `ms`: shutdown must not hang on a Redis that is gone.
 * Resolves with true when they all settled in time.
 */
export async function settleWithin(promises: Iterable<Promise<unknown>>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  const settled = Promise.allSettled([...promises]).then(() => true as const);
  try {
    return await Promise.race([settled, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
