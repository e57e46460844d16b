/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // The adaptivecards main entry is ESM-only under jest; the UMD build parses and validates without a DOM.
  moduleNameMapper: { '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js' },
  // Generous: several suites build the whole knowledge base in a hook, and CI machines are small. Timings live in `npm run bench`.
  testTimeout: 180000,
  maxWorkers: 2,
};
