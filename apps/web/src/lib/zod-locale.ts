import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { currentLanguage, i18n, type Language } from './i18n';

/*
 * zod's built-in messages follow the interface language (the API answers in Chinese, see
 * apps/api/src/app.ts). Messages written in the contracts, like LoginRequest's, are used as they
 * are. Imported by the shell, where the forms are; only the two locales are bundled.
 */
const zodLocales: Record<Language, () => Parameters<typeof z.config>[0]> = { 'zh-CN': zhCN, 'en-US': en };

const applyLocale = () => void z.config(zodLocales[currentLanguage()]());
applyLocale();
i18n.on('languageChanged', applyLocale);
