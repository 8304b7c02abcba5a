import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enUS from '@/locales/en-US.json';
import zhCN from '@/locales/zh-CN.json';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

/** Each language named in itself, so the switch reads right whatever is active. */
export const languageNames: Record<Language, string> = { 'zh-CN': '中文', 'en-US': 'English' };

export const resources = {
  'zh-CN': { translation: zhCN },
  // `satisfies` makes a key missing from the English file a type error.
  'en-US': { translation: enUS satisfies typeof zhCN },
} as const;

const dayjsLocales: Record<Language, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

// Until the server-side preference (me.user.locale) is wired in, the browser remembers the choice.
const storageKey = 'zeren.language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value);

export const toLanguage = (value: string | undefined): Language => (isLanguage(value) ? value : defaultLanguage);

function readStoredLanguage(): Language {
  try {
    return toLanguage(localStorage.getItem(storageKey) ?? undefined);
  } catch {
    return defaultLanguage; // storage disabled (private mode, policy)
  }
}

function applyLanguage(language: Language): void {
  dayjs.locale(dayjsLocales[language]);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // not remembered; the choice still holds for this page
  }
}

export const i18n = i18next.createInstance();

i18n.on('languageChanged', (lng) => applyLanguage(toLanguage(lng)));

void i18n.use(initReactI18next).init({
  resources,
  lng: readStoredLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: languages,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false, // resources are bundled: ready before the first render
});

export const changeLanguage = (language: Language) => i18n.changeLanguage(language);

export const currentLanguage = (): Language => toLanguage(i18n.resolvedLanguage ?? i18n.language);
