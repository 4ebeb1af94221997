/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Redis-backed suites start their own redis-server; give them room on a 2-core machine.
  testTimeout: 30000,
  maxWorkers: 2,
};
