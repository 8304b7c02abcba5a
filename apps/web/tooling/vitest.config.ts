import { defineConfig } from 'vitest/config';
import { reportersFor } from '../../../vitest.reporters';

// Unit tests of the build tooling (the route budget); the app itself is tested end to end (e2e/).
export default defineConfig({
  test: { root: import.meta.dirname, include: ['**/*.test.ts'], reporters: reportersFor(import.meta.url) },
});
