import { App, ConfigProvider } from 'antd';
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
    // antd's <App> gives App.useApp() (message, modal) the theme and locale; the targets pages use
    // it for confirmations and notices. It costs ~12 KiB gzipped, in the shell only.
    <ConfigProvider locale={antdLocales[currentLanguage()]} theme={theme}>
      <App component={false}>{children}</App>
    </ConfigProvider>
  );
}
