// Jest runs in its native ESM mode: NestJS 12 packages are ESM-only.
import { readFileSync } from 'node:fs';

const swc = JSON.parse(readFileSync(new URL('./.swcrc.jest.json', import.meta.url), 'utf8'));

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }],
    // @fastify/static (it serves the Swagger UI) is CommonJS and require()s the ESM-only content-disposition:
    // Node 20.19 allows that, Jest's CommonJS loader does not, so that one package is compiled to CommonJS.
    '/node_modules/content-disposition/.+\\.js$': ['@swc/jest', { swcrc: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleNameMapper: {
    '^#cw/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

export default {
  // Top level: medium tests (real SQLite and PostgreSQL) in the unit project need it as much as the e2e suites,
  // and a loaded CI machine makes a database's creation or a migration take seconds.
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      // test/support: the e2e harness's own checks (the OpenAPI contract every answer is held to).
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/test/support/**/*.spec.ts',
      ],
    },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    // Several built apis and workers on PostgreSQL (`npm run test:cluster`, run by `npm test` when PostgreSQL answers).
    { ...shared, displayName: 'cluster', testMatch: ['<rootDir>/test/cluster/*.cluster-spec.ts'] },
  ],
};
