import { useState } from 'preact/hooks';
import { type Lang, t } from '../shared/i18n';
import { BottomNav } from './components/BottomNav';
import { OnlineBadge } from './components/OnlineBadge';
import { UndoToast } from './components/UndoToast';
import { UpdatePrompt } from './components/UpdatePrompt';
import { useLoad } from './hooks/useLoad';
import { chooseLanguage } from './language';
import { lazyScreen } from './lazy';
import { Routes } from './Routes';
import { onLinkClick, usePath } from './router';
import { SessionContext } from './session';
import { readSession } from './startup';

// Needed once per device (online); its request schema stays out of the first screen.
const LoginPage = lazyScreen(() => import('./pages/LoginPage').then((m) => m.LoginPage));

export function App({ initialLang }: { initialLang: Lang }) {
  const [lang, setLang] = useState(initialLang);
  const path = usePath();
  const { load } = useLoad(['meta'], async () => ({ session: await readSession() }), []);
  const session = load.status === 'ready' ? load.value.session : null;
  const signedIn = session !== null && !session.expired;
  const switchLanguage = (next: Lang) => {
    void chooseLanguage(next).then(() => setLang(next));
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
        {load.status === 'loading' ? null : !signedIn ? (
          <LoginPage expiredFor={session?.user.username} />
        ) : (
          <SessionContext.Provider value={session}>
            <Routes path={path} lang={lang} onLang={switchLanguage} />
          </SessionContext.Provider>
        )}
      </main>
      <UndoToast />
      <UpdatePrompt />
      {/* The sections are the signed-in organizer's: the login page has none. */}
      {signedIn && <BottomNav path={path} role={session.user.role} />}
    </div>
  );
}
