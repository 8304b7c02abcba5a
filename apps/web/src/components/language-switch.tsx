import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, languageNames, languages, type Language } from '@/lib/i18n';
import styles from './language-switch.module.css';

/**
 * 中文 / English. Plain toggle buttons rather than antd Segmented: it sits on the login page,
 * and Segmented brings Tooltip and its positioning engine with it.
 */
/** `onChange`: also remember the choice elsewhere (the shell saves it for the logged-in user). */
export function LanguageSwitch({
  onDark = false,
  onChange,
}: {
  onDark?: boolean;
  onChange?: (language: Language) => void;
}) {
  const { t } = useTranslation(); // re-renders on language change
  const active = currentLanguage();
  return (
    <div
      role="group"
      aria-label={t('app.language')}
      className={onDark ? `${styles.switch} ${styles.onDark}` : styles.switch}
    >
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className={styles.option}
          aria-pressed={language === active}
          onClick={() => {
            void changeLanguage(language);
            onChange?.(language);
          }}
        >
          {languageNames[language]}
        </button>
      ))}
    </div>
  );
}
