/**
 * The first error of the given type in an error's chain: botbuilder's dialogs wrap what a step
 * throws (DialogContextError keeps it in `error`), and wrappers of our own keep it in `cause`.
 */
export function findInChain<T extends Error>(
  error: unknown,
  type: abstract new (...args: never[]) => T,
): T | undefined {
  const visited = new Set<unknown>();
  for (let current = error; current instanceof Error && !visited.has(current);) {
    if (current instanceof type) return current;
    visited.add(current);
    const wrapper = current as Error & { error?: unknown };
    current = wrapper.error instanceof Error ? wrapper.error : wrapper.cause;
  }
  return undefined;
}
