// Integration tests run twice: once on the embedded SQLite default and once on
// MySQL/MariaDB (TEST_MYSQL_URL, default mysql://root@127.0.0.1:3306/test).
// Files named *.mysql.test.ts test MySQL-only behaviour and run in the mysql project only, and so
// do test/cross-instance*.test.ts (two instances sharing one MySQL database and Redis).
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleNameMapper: { '^@keysmith/shared$': '<rootDir>/../shared/src/index.ts' },
  setupFiles: ['reflect-metadata'],
};
/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: 2,
  // Each test file runs in a fresh vm context, and Node frees those slowly (nodejs/node#33439):
  // a worker that ran a dozen files held 300-470 MB, took longer than jest-worker's 500 ms to
  // exit at the end, and was killed with "A worker process has failed to exit gracefully".
  // A worker past this heap after a file is replaced instead.
  workerIdleMemoryLimit: '200MB',
  // A global option: inside `projects` Jest ignores it and keeps its 5 s default, shorter than
  // the tests' own 10 s waits for asynchronous writes (test/support/logged-key.ts).
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'sqlite', testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/src/**/*.test.ts'], globals: { TEST_DB: 'sqlite' }, testPathIgnorePatterns: ['\\.mysql\\.test\\.ts$', '/test/cross-instance[^/]*\\.test\\.ts$'] },
    { ...common, displayName: 'mysql', testMatch: ['<rootDir>/test/**/*.test.ts'], globals: { TEST_DB: 'mysql' }, globalSetup: '<rootDir>/test/support/mysql-global-setup.js' },
  ],
};
