import { defineConfig } from 'vitest/config';
import { reportersFor } from '../../vitest.reporters';

// `npm run test:resilience`: the real server as a child process on private PostgreSQL clusters —
// graceful shutdown under load, kill -9 under write load, the database stopping immediately.
// Slower than the integration suite, so a stage of its own; the files run one after another.
export default defineConfig({
  test: {
    include: ['test/resilience/**/*.test.ts'],
    reporters: reportersFor(import.meta.url),
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
