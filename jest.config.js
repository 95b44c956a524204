/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
  // Most tests wait on a database server, the disk or a CLI process: four workers whatever the cores (Jest's default
  // is one fewer than the cores), which the servers' connection limits leave room for. On two cores, four workers
  // took 17 to 23% less time than two (test/runner and test/safety, measured side by side; see BENCHMARKS.md).
  maxWorkers: 4,
}
