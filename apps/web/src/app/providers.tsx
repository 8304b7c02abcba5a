import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/**
 * Providers every route needs, the login page included. Kept free of antd on purpose: antd's
 * ConfigProvider (theme, locale) alone is ~36 KiB gzipped, so it lives in `AntdProvider`,
 * which the lazily loaded shell mounts. i18next needs no provider (see lib/i18n).
 */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
