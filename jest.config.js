/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Redis-backed suites start their own redis-server; give them room on a 2-core machine.
  testTimeout: 30000,
  maxWorkers: 2,
  // jose 6 ships ES modules only; jest's CommonJS runtime needs it compiled (Node itself loads it as is).
  transform: {
    '^.+\\.tsx?$': 'ts-jest',
    '/node_modules/jose/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true }, isolatedModules: true }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
};
