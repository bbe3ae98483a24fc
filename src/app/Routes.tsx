import type { Lang } from '../shared/i18n';
import { EnterprisesPage } from './pages/enterprises/EnterprisesPage';
import { Placeholder } from './pages/Placeholder';
import { navigate } from './router';
import {
  AdmissionsPage,
  AssignmentsPage,
  EnterpriseDetailPage,
  EnterpriseFormPage,
  EntriesPage,
  EntryFormPage,
  FollowUpsPage,
  FoundingPage,
  NewSignupPage,
  ProgressPage,
  ProgressRecordsPage,
  ReportPage,
  ReviewPage,
  SettingsPage,
  SignupFormPage,
  SignupsPage,
  SyncPage,
  TargetsPage,
  VisitFormPage,
} from './screens';

type Props = { path: string; lang: Lang; onLang: (lang: Lang) => void };

/** Whether `path` opens on the enterprise list: the app's home, and the list itself. */
export function opensOnList(path: string): boolean {
  const [area, id] = path.split('/').filter(Boolean);
  return area === undefined || (area === 'enterprises' && id === undefined);
}

/** Path → screen. Segments are ids made on the device (UUIDs). */
export function Routes({ path, lang, onLang }: Props) {
  const parts = path.split('/').filter(Boolean);
  const [area, id, action] = parts;
  switch (area) {
    case undefined:
      navigate('/enterprises', { replace: true });
      return null;
    case 'enterprises':
      if (id === undefined) return <EnterprisesPage />;
      if (id === 'new') return <EnterpriseFormPage />;
      if (action === 'edit') return <EnterpriseFormPage id={id} />;
      if (action === 'visit') return <VisitFormPage enterpriseId={id} />;
      if (action === 'found') return <FoundingPage enterpriseId={id} />;
      return <EnterpriseDetailPage id={id} />;
    case 'signups': {
      if (id === undefined) return <SignupsPage />;
      const enterprise = new URLSearchParams(location.search).get('enterprise');
      if (id === 'new' && enterprise) return <NewSignupPage enterpriseId={enterprise} />;
      return <SignupFormPage id={id} />;
    }
    case 'follow-ups':
      return <FollowUpsPage />;
    case 'sync':
      return <SyncPage />;
    case 'progress':
      if (id === 'review') return <ReviewPage />;
      if (id === 'records') return <ProgressRecordsPage />;
      if (id === 'report') return <ReportPage />;
      return <ProgressPage />;
    case 'admissions':
      return <AdmissionsPage />;
    case 'assignments':
      return <AssignmentsPage />;
    case 'targets':
      return <TargetsPage />;
    case 'entries':
      if (id === undefined) return <EntriesPage />;
      return id === 'new' ? <EntryFormPage /> : <EntryFormPage id={id} />;
    case 'settings':
      return <SettingsPage lang={lang} onLang={onLang} />;
    default:
      return <Placeholder title="page.notFound" />;
  }
}
