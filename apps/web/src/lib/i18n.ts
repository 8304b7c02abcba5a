import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from '@/locales/zh-CN.json';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

/** Each language named in itself, so the switch reads right whatever is active. */
export const languageNames: Record<Language, string> = { 'zh-CN': '中文', 'en-US': 'English' };

type Translation = typeof zhCN;

/**
 * The default language is bundled, so most people never wait; others are fetched on first use
 * (the files grow with every feature, and no one needs both). `satisfies` makes a key missing
 * from a translation a type error.
 */
const loaders: Record<Language, () => Promise<Translation>> = {
  'zh-CN': async () => zhCN,
  'en-US': async () => (await import('@/locales/en-US.json')).default satisfies Translation,
};

// Until the server-side preference (me.user.locale) is wired in, the browser remembers the choice.
const storageKey = 'zeren.language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value);

export const toLanguage = (value: string | null | undefined): Language =>
  isLanguage(value) ? value : defaultLanguage;

function readStoredLanguage(): Language {
  try {
    return toLanguage(localStorage.getItem(storageKey));
  } catch {
    return defaultLanguage; // storage disabled (private mode, policy)
  }
}

function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // not remembered; the choice still holds for this page
  }
}

export const i18n = i18next.createInstance();

// Screen readers and fonts follow <html lang>.
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = toLanguage(lng);
});

void i18n.use(initReactI18next).init({
  resources: { [defaultLanguage]: { translation: zhCN } },
  lng: defaultLanguage,
  fallbackLng: defaultLanguage,
  supportedLngs: languages,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false, // the default language is bundled: ready before the first render
});

export const currentLanguage = (): Language => toLanguage(i18n.resolvedLanguage ?? i18n.language);

async function switchTo(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) {
    i18n.addResourceBundle(language, 'translation', await loaders[language]());
  }
  await i18n.changeLanguage(language);
}

/** The person's choice: loads the texts if needed, switches (components re-render) and remembers it. */
export async function changeLanguage(language: Language): Promise<void> {
  await switchTo(language);
  rememberLanguage(language);
}

/** Before the first render: switch to the remembered language (fetching its texts if it is not the default). */
export async function restoreLanguage(): Promise<void> {
  const stored = readStoredLanguage();
  if (stored === defaultLanguage) return;
  try {
    await switchTo(stored);
  } catch {
    // offline or a stale deploy: start in the default language rather than not at all
  }
}
