import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage, type Language } from '@/lib/i18n';
import { theme } from './theme';

const antdLocales = { 'zh-CN': zhCN, 'en-US': enUS } satisfies Record<Language, unknown>;

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  // Re-renders on language change, so antd's built-in texts follow i18next (dayjs follows in lib/i18n).
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage);
  return (
    <ConfigProvider locale={antdLocales[language]} theme={theme}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ConfigProvider>
  );
}
