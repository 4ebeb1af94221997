// Fixture for test/architecture/layers.test.ts: the composition root (top layer).
export const appName = 'fixture';
