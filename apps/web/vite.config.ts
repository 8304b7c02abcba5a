import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { routeBudget } from './tooling/route-budget.ts';

/** The API (`npm start` serves it on 3000); the dev server and `vite preview` proxy /api to it. */
const apiTarget = 'http://127.0.0.1:3000';
const apiProxy = { '/api': { target: apiTarget, changeOrigin: false } };

/** What every route needs: one long-cached chunk that app deploys do not invalidate. */
const frameworkModules =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next|zod)[\\/]/;
/** …except zod's Chinese messages, which only the shell's forms use (lib/zod-locale). */
const shellOnlyModules = /[\\/]zod[\\/]v4[\\/]locales[\\/]zh-CN/;

export default defineConfig({
  plugins: [
    react(),
    routeBudget([
      // What anyone loads first, often on an old office PC: kept free of the shell and of antd.
      { name: 'login', modules: ['src/features/auth/components/login-page.tsx'], maxKiB: 200 },
      // The first screen after login: the shell and the dashboard page (every route stays ≤ 480 KiB).
      {
        name: 'shell + dashboard',
        modules: ['src/app/layout.tsx', 'src/app/routes/dashboard.tsx'],
        maxKiB: 480,
      },
      // Reported, not budgeted: a tier's dashboard with its lazily loaded parts, ECharts included.
      {
        name: 'dashboard tier 1 + charts',
        modules: [
          'src/app/layout.tsx',
          'src/app/routes/dashboard.tsx',
          'src/features/dashboards/components/bureau/bureau-dashboard.tsx',
          'src/features/dashboards/components/chart/echart.tsx',
        ],
      },
      {
        name: 'dashboard tier 3 + charts',
        modules: [
          'src/app/layout.tsx',
          'src/app/routes/dashboard.tsx',
          'src/features/dashboards/components/section/section-dashboard.tsx',
          'src/features/dashboards/components/chart/echart.tsx',
        ],
      },
    ]),
  ],
  // `@/…` resolves from tsconfig.json `paths`: one alias definition for tsc and vite.
  resolve: { tsconfigPaths: true },
  server: { port: 5173, strictPort: true, proxy: apiProxy },
  preview: { port: 4173, proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // antd is deliberately not grouped: the login route must not pull it in.
            { name: 'framework', test: (id) => frameworkModules.test(id) && !shellOnlyModules.test(id) },
          ],
        },
      },
      treeshake: {
        // antd's own package declares itself side-effect free; its @rc-component/* building blocks
        // do not say so, and without this whole unused modules (Form's async-validator behind
        // Input, Tooltip behind Segmented …) stay in the bundle.
        moduleSideEffects: (id) => (/[\\/]node_modules[\\/]@rc-component[\\/]/.test(id) ? false : undefined),
      },
    },
  },
});
