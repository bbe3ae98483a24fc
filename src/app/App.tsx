import { useState } from 'preact/hooks';
import { type Lang, t } from '../shared/i18n';
import { BottomNav } from './components/BottomNav';
import { OnlineBadge } from './components/OnlineBadge';
import { UpdatePrompt } from './components/UpdatePrompt';
import { chooseLanguage } from './language';
import { Placeholder } from './pages/Placeholder';
import { SettingsPage } from './pages/SettingsPage';
import { navigate, onLinkClick, usePath } from './router';

function Screen({ path, lang, onLang }: { path: string; lang: Lang; onLang: (l: Lang) => void }) {
  if (path === '/' || path === '') {
    navigate('/enterprises', { replace: true });
    return null;
  }
  if (path.startsWith('/enterprises')) return <Placeholder title="page.enterprises" />;
  if (path.startsWith('/follow-ups')) return <Placeholder title="page.followUps" />;
  if (path.startsWith('/signups')) return <Placeholder title="page.signups" />;
  if (path.startsWith('/sync')) return <Placeholder title="page.sync" />;
  if (path.startsWith('/progress')) return <Placeholder title="page.progress" />;
  if (path.startsWith('/settings')) return <SettingsPage lang={lang} onLang={onLang} />;
  return <Placeholder title="page.notFound" />;
}

export function App({ initialLang }: { initialLang: Lang }) {
  const [lang, setLang] = useState(initialLang);
  const path = usePath();
  const switchLanguage = (next: Lang) => {
    chooseLanguage(next);
    setLang(next);
  };
  return (
    <div class="shell" key={lang}>
      <header class="top-bar">
        <span class="brand">{t('app.shortName')}</span>
        <OnlineBadge />
        <a
          href="/settings"
          class="icon-link"
          onClick={onLinkClick}
          aria-current={path.startsWith('/settings') ? 'page' : undefined}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" class="nav-icon">
            <path d="M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zm8 4-2-1 1-3-3-1-1-3-3 1-2-2-2 2-3-1-1 3-3 1 1 3-2 1 2 1-1 3 3 1 1 3 3-1 2 2 2-2 3 1 1-3 3-1-1-3z" />
          </svg>
          <span class="visually-hidden">{t('nav.settings')}</span>
        </a>
      </header>
      <main id="main" class="content">
        <Screen path={path} lang={lang} onLang={switchLanguage} />
      </main>
      <UpdatePrompt />
      <BottomNav path={path} />
    </div>
  );
}
