import { LoginRequest } from '@zeren/contracts';
import { Alert, Button, Input } from 'antd';
import { useState, type FormEvent } from 'react';
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
 * Deliberately light: a plain form with antd Input/Button/Alert. No antd Form (rc-field-form,
 * async-validator, Tooltip), Layout, Menu or Table on this route; the shell loads after login.
 * Validation is the contract's own schema, so the messages are the API's.
 */
export function LoginPage({ onSubmitStart }: LoginPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const loginMutation = useLogin();
  const [values, setValues] = useState<LoginRequest>({ username: '', password: '' });
  const [errors, setErrors] = useState<Errors>({});

  const change = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    // Once a field shows an error, re-check it as the user types so the message clears promptly.
    if (errors[field]) {
      const result = LoginRequest.shape[field].safeParse(value);
      setErrors((current) => ({ ...current, [field]: result.success ? undefined : result.error.issues[0]?.message }));
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loginMutation.isPending) return; // Enter pressed again while waiting
    const parsed = LoginRequest.safeParse(values);
    if (!parsed.success) {
      const found = fieldErrors<Field>(parsed.error);
      setErrors(found);
      const firstInvalid = found.username ? 'login-username' : 'login-password';
      document.getElementById(firstInvalid)?.focus();
      return;
    }
    setErrors({});
    onSubmitStart?.();
    loginMutation.mutate(parsed.data, {
      onSuccess: () => void navigate(readReturnPath(searchParams), { replace: true }),
    });
  };

  return (
    <main className={styles.page}>
      <div className={styles.topBar}>
        <LanguageSwitch size="small" />
      </div>
      <section className={styles.card} aria-labelledby="login-heading">
        <div className={styles.brand}>
          <span className={styles.seal} aria-hidden="true">
            责
          </span>
          <div>
            <h1 id="login-heading" className={styles.productName}>
              {t('app.name')}
              <span className={styles.latinName}>{t('app.latinName')}</span>
            </h1>
            <p className={styles.tagline}>{t('app.tagline')}</p>
          </div>
        </div>

        {loginMutation.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={loginMutation.error.message || t('auth.login.failed')}
            style={{ marginBottom: 20 }}
            data-testid="login-error"
          />
        )}

        <form noValidate onSubmit={submit} aria-labelledby="login-heading">
          <div className={styles.field}>
            <label htmlFor="login-username" className={styles.label}>
              {t('auth.login.username')}
            </label>
            <Input
              id="login-username"
              name="username"
              size="large"
              autoFocus
              autoComplete="username"
              placeholder={t('auth.login.usernamePlaceholder')}
              value={values.username}
              onChange={(event) => change('username', event.target.value)}
              status={errors.username ? 'error' : undefined}
              aria-invalid={errors.username ? true : undefined}
              aria-describedby={errors.username ? 'login-username-error' : undefined}
              data-testid="login-username"
            />
            <div id="login-username-error" className={styles.fieldError}>
              {errors.username}
            </div>
          </div>
          <div className={styles.field}>
            <label htmlFor="login-password" className={styles.label}>
              {t('auth.login.password')}
            </label>
            <Input.Password
              id="login-password"
              name="password"
              size="large"
              autoComplete="current-password"
              placeholder={t('auth.login.passwordPlaceholder')}
              value={values.password}
              onChange={(event) => change('password', event.target.value)}
              status={errors.password ? 'error' : undefined}
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? 'login-password-error' : undefined}
              data-testid="login-password"
            />
            <div id="login-password-error" className={styles.fieldError}>
              {errors.password}
            </div>
          </div>
          <Button
            className={styles.submit}
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={loginMutation.isPending}
            data-testid="login-submit"
          >
            {t('auth.login.submit')}
          </Button>
        </form>
      </section>
      <p className={styles.footnote}>{t('auth.login.footnote')}</p>
    </main>
  );
}
