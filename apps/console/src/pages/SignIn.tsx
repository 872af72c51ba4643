import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n';
import { useLocation, useSearchParams } from 'wouter';
import { api, ApiError } from '../api/client';
import type { User } from '../api/types';
import { LanguageSwitch } from '../components/Layout';
import { forgetOfflineReads } from '../offline/policy';

interface Fields {
  email: string;
  password: string;
}

export function SignIn() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [errors, setErrors] = useState<{ email?: boolean; password?: boolean }>({});
  const [isSubmitting, setSubmitting] = useState(false);

  useEffect(() => heading.current?.focus(), []);

  // A plain form: the sign-in page is in the first download, so it carries no form library.
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const fields: Fields = {
      email: String(data.get('email') ?? '').trim(),
      password: String(data.get('password') ?? ''),
    };
    const missing = { email: !fields.email, password: !fields.password };
    setErrors(missing);
    if (missing.email || missing.password) return;
    setFailure(null);
    setSubmitting(true);
    try {
      // The session stays in the HttpOnly cookie: the answer carries no token for a script to read.
      const session = await api<{ user: User }>('/auth/login', {
        method: 'POST',
        body: { ...fields, session: 'cookie' },
      });
      await forgetOfflineReads();
      queryClient.setQueryData(['me'], session.user);
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (error) {
      setFailure(
        error instanceof ApiError
          ? error.status === 401 || error.status === 400
            ? t('signIn.wrong')
            : (error.problem?.detail ?? t('common.failed'))
          : t('common.offline'),
      );
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-box">
        <LanguageSwitch />
        <h1 ref={heading} tabIndex={-1}>
          {t('app.name')}
        </h1>
        <p className="muted">{t('signIn.intro')}</p>
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <label>
            <span>{t('signIn.email')}</span>
            <input
              type="email"
              autoComplete="username"
              aria-invalid={errors.email ? true : undefined}
              name="email"
            />
          </label>
          {errors.email ? <p className="field-error">{t('form.required')}</p> : null}
          <label>
            <span>{t('signIn.password')}</span>
            <input
              type="password"
              autoComplete="current-password"
              aria-invalid={errors.password ? true : undefined}
              name="password"
            />
          </label>
          {errors.password ? <p className="field-error">{t('form.required')}</p> : null}
          {failure ? (
            <p className="error" role="alert">
              {failure}
            </p>
          ) : null}
          <button type="submit" className="primary" disabled={isSubmitting}>
            {t('signIn.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
