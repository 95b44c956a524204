const os = require('node:os')

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
  // Most tests wait on a database server or a CLI process: two workers even on two cores (Jest's default is one
  // fewer than the cores), and no more than four, which the servers' connection limits leave room for.
  maxWorkers: Math.min(4, Math.max(2, os.availableParallelism())),
}
