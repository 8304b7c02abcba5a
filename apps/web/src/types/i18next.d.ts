import type zhCN from '@/locales/zh-CN.json';

// Typed keys: `t('nav.dashboard')` is checked against the Chinese resource file.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
    returnNull: false;
  }
}
