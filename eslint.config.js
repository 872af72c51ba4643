// ESLint flat config (ESLint 10, native ESM).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import jest from 'eslint-plugin-jest';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The Node.js globals our plain scripts use (the `globals` package is not a dependency).
const nodeGlobals = Object.fromEntries(
  [
    'AbortController',
    'AbortSignal',
    'Buffer',
    'URL',
    'URLSearchParams',
    'clearInterval',
    'clearTimeout',
    'console',
    'fetch',
    'process',
    'setImmediate',
    'setInterval',
    'setTimeout',
    'structuredClone',
  ].map((name) => [name, 'readonly']),
);

const unusedVars = {
  args: 'after-used',
  argsIgnorePattern: '^_',
  varsIgnorePattern: '^_',
  caughtErrorsIgnorePattern: '^_',
  destructuredArrayIgnorePattern: '^_',
};

// Import restrictions, composed per layer below.
const FEATURE_LIBS = [
  'accounts',
  'alerts',
  'audit',
  'corridors',
  'dashboard',
  'flags',
  'idempotency',
  'jobs',
  'locations',
  'parties',
  'reports',
  'sharing',
  'webhooks',
];
const crossPackage = [
  {
    // `../../other-lib/src/x.js` would bypass each library's one index.ts (and the rules below).
    regex: String.raw`^(\.\./)+(libs/|apps/)?[a-z-]+/src(/|$)`,
    message: 'Reach another library through `#cw/<lib>`, never by a relative path into its src/.',
  },
];
const frameworkFree = [
  {
    group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'bullmq', 'bullmq/*', 'ioredis', 'ioredis/*'],
    message: 'libs/domain must not depend on NestJS, TypeORM, BullMQ or ioredis: keep it framework-free.',
  },
];
const persistenceBelowFeatures = [
  {
    // A regex: `ignore`-style groups read a leading # as a comment.
    regex: `^#cw/(${FEATURE_LIBS.join('|')})$`,
    message:
      'libs/persistence sits below the feature libraries: it may use domain, config, clock, common, logging.',
  },
];
const notFrom = (app) => [
  {
    regex: String.raw`^(\.\./)+(apps/)?${app}(/|$)`,
    message: 'The api and the worker are separate deployables: they share code only through libs/.',
  },
];
const controllersUseServices = [
  {
    regex: '^#cw/persistence$',
    message:
      "Controllers call services (libs/<feature>); repositories and the Database are the services' business.",
  },
];
const consoleClientOnly = [
  {
    regex: '^#cw/',
    message: 'The console shares only libs/domain with the server, through `@domain/*`.',
  },
  {
    regex: String.raw`^(\.\./)+(libs/(?!domain/)|apps/(api|worker)(/|$)|(api|worker)/src(/|$))`,
    message: 'The console shares only libs/domain with the server, through `@domain/*`.',
  },
  {
    group: [
      '@nestjs/*',
      '@fastify/*',
      'fastify',
      'typeorm',
      'typeorm/*',
      'bullmq',
      'ioredis',
      'pg',
      'better-sqlite3',
      'argon2',
      'nodemailer',
      'class-validator',
      'class-transformer',
    ],
    message: 'Server-side packages do not belong in the browser bundle.',
  },
];
const noNodeBuiltins = [{ regex: '^node:', message: 'The console runs in a browser: no Node.js built-ins.' }];
const layers = (...groups) => ['error', { patterns: groups.flat() }];

export default defineConfig([
  // schema.gen.ts: written by `npm run api-types` from the OpenAPI document.
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    'coverage/',
    'var/',
    'apps/console/dist/',
    'apps/console/src/api/schema.gen.ts',
  ]),
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: nodeGlobals },
    rules: { 'no-unused-vars': ['error', unusedVars] },
  },
  {
    files: ['apps/**/*.{ts,tsx}', 'libs/**/*.ts', 'test/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', unusedVars],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  // The layers of the README's "How it is built", checked. ESLint applies the last matching block's options
  // for a rule, so each block below lists every pattern that holds for its files (`layers(...)`).
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    rules: { 'no-restricted-imports': layers(crossPackage) },
  },
  {
    // The domain library is plain TypeScript: no framework, database or queue code.
    files: ['libs/domain/**/*.ts'],
    rules: { 'no-restricted-imports': layers(crossPackage, frameworkFree) },
  },
  {
    files: ['libs/persistence/**/*.ts'],
    rules: { 'no-restricted-imports': layers(crossPackage, persistenceBelowFeatures) },
  },
  {
    files: ['apps/api/**/*.ts'],
    rules: { 'no-restricted-imports': layers(crossPackage, notFrom('worker')) },
  },
  {
    files: ['apps/api/**/*.controller.ts'],
    rules: { 'no-restricted-imports': layers(crossPackage, notFrom('worker'), controllersUseServices) },
  },
  {
    files: ['apps/worker/**/*.ts'],
    rules: { 'no-restricted-imports': layers(crossPackage, notFrom('api')) },
  },
  {
    // The console runs in a browser: of the server's code it shares only libs/domain (through `@domain/*`).
    files: ['apps/console/src/**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser },
    rules: { 'no-restricted-imports': layers(consoleClientOnly, noNodeBuiltins) },
  },
  {
    // The Rules of React (hooks, purity, refs, effects), as the React Compiler reads them.
    files: ['apps/console/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    // Its tests run in Node and may read files.
    files: ['apps/console/src/**/*.test.{ts,tsx}', 'apps/console/src/test-*.{ts,tsx}'],
    rules: { 'no-restricted-imports': layers(consoleClientOnly) },
  },
  {
    // A focused test (`it.only`, `fdescribe`) silently skips every other one in its file.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'libs/*/test-support/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { jest },
    rules: { 'jest/no-focused-tests': 'error' },
  },
  {
    // The console's tests run on vitest, whose API the same rule reads when told where `it` comes from.
    files: ['apps/console/**/*.test.{ts,tsx}', 'test/console/**/*.mjs'],
    languageOptions: { parser: tseslint.parser },
    plugins: { jest },
    settings: { jest: { globalPackage: 'vitest' } },
    rules: { 'jest/no-focused-tests': 'error' },
  },
]);
