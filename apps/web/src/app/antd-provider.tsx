import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '@/lib/dayjs';
import '@/lib/zod-locale';
import { currentLanguage, type Language } from '@/lib/i18n';
import { theme } from './theme';

const antdLocales = { 'zh-CN': zhCN, 'en-US': enUS } satisfies Record<Language, unknown>;

/**
 * Theme and locale for every antd component. Mounted by the shell (not at the root) so the
 * login route ships without antd; anything antd must render inside it.
 */
export function AntdProvider({ children }: { children: ReactNode }) {
  useTranslation(); // re-render on language change so antd's own texts follow i18next
  return (
    // Add antd's <App> here when a feature first needs App.useApp() (message, modal, notification):
    // it brings those three components (~12 KiB gzipped) along.
    <ConfigProvider locale={antdLocales[currentLanguage()]} theme={theme}>
      {children}
    </ConfigProvider>
  );
}
