import { defineConfig } from 'vitest/config';
import { reportersFor } from '../../vitest.reporters';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test:resilience runs these (vitest.resilience.config.ts).
    exclude: ['test/resilience/**'],
    reporters: reportersFor(import.meta.url),
    globalSetup: ['test/support/global-setup.ts'],
    // Files share one test database; each test builds its own organisation, so they can run in parallel.
    fileParallelism: true,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
