import { LoginRequest } from '@zeren/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { fieldErrors } from '@/lib/form';
import { useLogin } from '../api/login';
import { readReturnPath } from '../utils/return-path';
import styles from './login-page.module.css';

type Field = keyof LoginRequest;
type Errors = Partial<Record<Field, string>>;

interface LoginPageProps {
  /** Called as the user submits, e.g. to start fetching the app shell while the server checks the password. */
  onSubmitStart?: () => void;
}

/*
 * Deliberately light (the login route's budget is 200 KiB gzipped JS): semantic HTML styled
 * here in the look of the antd theme, and no antd at all: antd's core (ConfigProvider, CSS-in-JS,
 * theme) costs ~36 KiB before the first component. The shell and antd load after login.
 * Validation is the contract's own schema, so the messages match the API's.
 */
export function LoginPage({ onSubmitStart }: LoginPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const loginMutation = useLogin();
  const [values, setValues] = useState<LoginRequest>({ username: '', password: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [isPasswordShown, setIsPasswordShown] = useState(false);
  const id = useId();
  const ids = { username: `${id}-username`, password: `${id}-password` } as const;

  const change = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    // Once a field shows an error, re-check it as the user types so the message clears promptly.
    if (errors[field]) {
      const result = LoginRequest.shape[field].safeParse(value);
      setErrors((current) => ({
        ...current,
        [field]: result.success ? undefined : result.error.issues[0]?.message,
      }));
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loginMutation.isPending) return; // Enter pressed again while waiting
    const parsed = LoginRequest.safeParse(values);
    if (!parsed.success) {
      const found = fieldErrors<Field>(parsed.error);
      setErrors(found);
      document.getElementById(found.username ? ids.username : ids.password)?.focus();
      return;
    }
    setErrors({});
    onSubmitStart?.();
    loginMutation.mutate(parsed.data, {
      onSuccess: () => void navigate(readReturnPath(searchParams), { replace: true }),
    });
  };

  const fieldProps = (field: Field) => ({
    id: ids[field],
    name: field,
    value: values[field],
    onChange: (event: { target: { value: string } }) => change(field, event.target.value),
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `${ids[field]}-error` : undefined,
    'data-testid': `login-${field}`,
  });

  return (
    <main className={styles.page}>
      <div className={styles.topBar}>
        <LanguageSwitch onDark />
      </div>
      <section className={styles.card} aria-labelledby={`${id}-heading`}>
        <div className={styles.brand}>
          <span className={styles.seal} aria-hidden="true">
            责
          </span>
          <div>
            <h1 id={`${id}-heading`} className={styles.productName}>
              {t('app.name')}
              <span className={styles.latinName}>{t('app.latinName')}</span>
            </h1>
            <p className={styles.tagline}>{t('app.tagline')}</p>
          </div>
        </div>

        {loginMutation.isError && (
          <div className={styles.alert} role="alert" data-testid="login-error">
            <ErrorIcon />
            <span>{loginMutation.error.message || t('auth.login.failed')}</span>
          </div>
        )}

        <form noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
          <div className={styles.field}>
            <label htmlFor={ids.username} className={styles.label}>
              {t('auth.login.username')}
            </label>
            <input
              {...fieldProps('username')}
              className={styles.input}
              type="text"
              autoFocus
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              placeholder={t('auth.login.usernamePlaceholder')}
            />
            <div id={`${ids.username}-error`} className={styles.fieldError}>
              {errors.username}
            </div>
          </div>

          <div className={styles.field}>
            <label htmlFor={ids.password} className={styles.label}>
              {t('auth.login.password')}
            </label>
            <div className={styles.control}>
              <input
                {...fieldProps('password')}
                className={`${styles.input} ${styles.withToggle}`}
                type={isPasswordShown ? 'text' : 'password'}
                autoComplete="current-password"
                placeholder={t('auth.login.passwordPlaceholder')}
              />
              <button
                type="button"
                className={styles.toggle}
                aria-label={t('auth.login.showPassword')}
                aria-pressed={isPasswordShown}
                aria-controls={ids.password}
                onClick={() => setIsPasswordShown((shown) => !shown)}
              >
                <EyeIcon isOpen={isPasswordShown} />
              </button>
            </div>
            <div id={`${ids.password}-error`} className={styles.fieldError}>
              {errors.password}
            </div>
          </div>

          <button
            type="submit"
            className={styles.submit}
            aria-busy={loginMutation.isPending}
            data-testid="login-submit"
          >
            {loginMutation.isPending && <span className={styles.spinner} aria-hidden="true" />}
            {loginMutation.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
          </button>
        </form>
      </section>
      <p className={styles.footnote}>{t('auth.login.footnote')}</p>
    </main>
  );
}

function ErrorIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
      <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z" />
    </svg>
  );
}

function EyeIcon({ isOpen }: { isOpen: boolean }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z" />
      <circle cx="12" cy="12" r="3" />
      {!isOpen && <path d="M4 4l16 16" />}
    </svg>
  );
}
