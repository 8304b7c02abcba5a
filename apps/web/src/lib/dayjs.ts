import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { currentLanguage, i18n, type Language } from './i18n';

/*
 * dayjs configured once, its locale following i18next. Imported by the shell (antd's date
 * components read dayjs' global locale); the login route has no dates and does not load it.
 * Add plugins here, and import dayjs from this module rather than from 'dayjs'.
 */
const dayjsLocales: Record<Language, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

const applyLocale = () => void dayjs.locale(dayjsLocales[currentLanguage()]);
applyLocale();
i18n.on('languageChanged', applyLocale);

export { dayjs };
