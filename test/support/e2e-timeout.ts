import { jest } from '@jest/globals';

// Jest reads `testTimeout` from the global configuration only, not from a project's: an e2e suite's hooks (an
// api started, members signed in with argon2id) would otherwise have 5 s, too few on a loaded 2-core machine.
jest.setTimeout(60_000);
