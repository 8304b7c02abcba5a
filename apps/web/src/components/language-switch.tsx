import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, languageNames, languages, toLanguage, type Language } from '@/lib/i18n';

export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      size={size}
      aria-label={t('app.language')}
      value={toLanguage(i18n.resolvedLanguage)}
      options={languages.map((language) => ({ value: language, label: <span lang={language}>{languageNames[language]}</span> }))}
      onChange={(language) => void changeLanguage(language)}
    />
  );
}
