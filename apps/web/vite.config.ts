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
    // Every route the router lazy-loads, read from the router: the login page stays light (no
    // shell, no antd), no route passes 480 KiB, and only routes that draw charts load ECharts.
    routeBudget({
      router: 'src/app/router.tsx',
      navigation: 'src/app/navigation.ts',
      login: 'src/features/auth/components/login-page.tsx',
      shell: 'src/app/layout.tsx',
      chartComponent: 'src/features/dashboards/components/chart/chart.tsx',
      chartLibrary: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/,
      loginMaxKiB: 200,
      routeMaxKiB: 480,
      // Known exceptions, each allowed its size + ~3 KiB until it is brought under 480 (then the
      // build warns to delete its line). Every dashboard draws charts on its first screen, so it
      // counts ECharts (~179 KiB) on top of the shell (~312); those with target lists also antd's
      // Table (~75 KiB with pagination, select and filter tree). The audit log shows a RangePicker
      // and a Table. docs/performance.md, "Front end"; 2026-11, issue 9.
      overBudget: {
        '/ · bureau-dashboard': 556,
        '/ · supervisor-dashboard': 660,
        '/ · section-dashboard': 660,
        '/ · personal-dashboard': 660,
        '/admin/audit': 502,
      },
    }),
  ],
  // `@/…` resolves from tsconfig.json `paths`: one alias definition for tsc and vite.
  resolve: { tsconfigPaths: true },
  server: { port: 5173, strictPort: true, proxy: apiProxy },
  preview: { port: 4173, proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // ECharts is one 540 kB chunk by design; the route budget above is the check that matters.
    chunkSizeWarningLimit: 600,
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
