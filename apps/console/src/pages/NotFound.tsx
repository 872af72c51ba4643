import { useTranslation } from '../i18n';
import { Link } from 'wouter';
import { PageTitle } from '../components/common';

export default function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p>
        <Link to="/">{t('nav.dashboard')}</Link>
      </p>
    </div>
  );
}
