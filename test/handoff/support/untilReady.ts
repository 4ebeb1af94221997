/** Waits for GET /readyz 200: with Redis the app answers turns only once its client has connected. */
export async function untilReady(baseUrl: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await fetch(`${baseUrl}/readyz`)).status !== 200) {
    if (Date.now() > deadline) throw new Error(`${baseUrl} was not ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
