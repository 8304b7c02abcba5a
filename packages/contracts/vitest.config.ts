import { defineConfig } from 'vitest/config';
import { reportersFor } from '../../vitest.reporters';

export default defineConfig({
  test: { include: ['src/**/*.test.ts'], reporters: reportersFor(import.meta.url) },
});
