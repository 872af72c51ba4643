import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { api, ApiError, query } from '../api/client';
import type { Invitation as InvitationData, User } from '../api/types';
import { LoadError, Loading, When } from '../components/common';
import { LanguageSwitch } from '../components/Layout';
import { useTranslation } from '../i18n';
import { forgetOfflineReads } from '../offline/policy';

/** An unknown, used or expired link: the server says which field, never which of the three. */
const isGone = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 400);

/**
 * The page behind an invitation (or password-reset) link: who it is for, the password rules as the server states
 * them, then the new password, and the person is signed in and on the dashboard.
 */
export default function Invitation() {
  const { t } = useTranslation();
  const { token = '' } = useParams<{ token: string }>();
  const heading = useRef<HTMLHeadingElement>(null);
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api<InvitationData>(`/auth/invite${query({ token })}`),
    retry: (count, error) => !(error instanceof ApiError) && count < 2,
    staleTime: Infinity,
  });
  useEffect(() => heading.current?.focus(), []);

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-box" data-testid="invitation">
        <LanguageSwitch />
        <h1 ref={heading} tabIndex={-1}>
          {t('invitation.title')}
        </h1>
        {invitation.isPending ? <Loading /> : null}
        {isGone(invitation.error) ? <Gone /> : <LoadError error={invitation.error} />}
        {invitation.data ? <ChoosePassword token={token} invitation={invitation.data} /> : null}
      </div>
    </main>
  );
}

function Gone() {
  const { t } = useTranslation();
  return (
    <div className="error" role="alert" data-testid="invitation-gone">
      <p>{t('invitation.gone')}</p>
      <p>
        <Link to="/sign-in">{t('invitation.toSignIn')}</Link>
      </p>
    </div>
  );
}

type Problem = 'tooShort' | 'tooLong' | 'mismatch' | null;

function ChoosePassword({ token, invitation }: { token: string; invitation: InvitationData }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const { minLength, maxLength } = invitation.passwordPolicy;
  const [problem, setProblem] = useState<Problem>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [isGoneNow, setGoneNow] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get('password') ?? '');
    const repeated = String(data.get('repeated') ?? '');
    const found: Problem =
      password.length < minLength
        ? 'tooShort'
        : password.length > maxLength
          ? 'tooLong'
          : password !== repeated
            ? 'mismatch'
            : null;
    setProblem(found);
    if (found) return;
    setFailure(null);
    setSubmitting(true);
    try {
      await api('/auth/invite/accept', { method: 'POST', body: { token, password } });
      // The password is set: signing in with it gives this browser its session cookie, as the sign-in page does.
      const session = await api<{ user: User }>('/auth/login', {
        method: 'POST',
        body: { email: invitation.email, password, session: 'cookie' },
      });
      await forgetOfflineReads();
      queryClient.setQueryData(['me'], session.user);
      navigate('/', { replace: true });
    } catch (error) {
      if (isGone(error) && (error as ApiError).problem?.errors?.some((e) => e.field === 'token'))
        setGoneNow(true);
      else setFailure(error);
      setSubmitting(false);
    }
  }

  if (isGoneNow) return <Gone />;
  const policy = t('invitation.policy', { min: minLength, max: maxLength });
  return (
    <>
      <p>{t('invitation.greeting', { name: invitation.displayName, email: invitation.email })}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="invitation-form">
        {/* For password managers: the new password belongs to this address. */}
        <input type="email" name="email" value={invitation.email} autoComplete="username" readOnly hidden />
        <label>
          <span>{t('invitation.password')}</span>
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            minLength={minLength}
            maxLength={maxLength}
            aria-describedby="password-policy"
            aria-invalid={problem === 'tooShort' || problem === 'tooLong' ? true : undefined}
          />
        </label>
        <p id="password-policy" className="small muted" data-testid="password-policy">
          {policy}
        </p>
        <label>
          <span>{t('invitation.repeat')}</span>
          <input
            type="password"
            name="repeated"
            autoComplete="new-password"
            aria-invalid={problem === 'mismatch' ? true : undefined}
          />
        </label>
        {problem ? (
          <p className="field-error" role="alert">
            {t(`invitation.${problem}`, { min: minLength, max: maxLength })}
          </p>
        ) : null}
        <LoadError error={failure} />
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t('invitation.submit')}
        </button>
      </form>
      <p className="small muted">
        {t('invitation.expires')} <When at={invitation.expiresAt} />
      </p>
    </>
  );
}
