import { useEffect, useState } from 'preact/hooks';
import { type Lang, t } from '../shared/i18n';
import { BottomNav } from './components/BottomNav';
import { OnlineBadge } from './components/OnlineBadge';
import { UndoToast } from './components/UndoToast';
import { UpdatePrompt } from './components/UpdatePrompt';
import { useFirstScreenDrawn } from './first-screen';
import { useLoad } from './hooks/useLoad';
import { chooseLanguage } from './language';
import { lazyScreen } from './lazy';
import { lockNow, useUnlocked } from './lock';
import { Routes } from './Routes';
import { onLinkClick, usePath } from './router';
import { PinSetupPage, UnlockPanel } from './screens';
import { SessionContext } from './session';
import { readStartState, takeStartState } from './startup';

// Needed once per device (online); its request schema stays out of the first screen.
const LoginPage = lazyScreen(() => import('./pages/LoginPage').then((m) => m.LoginPage));

export function App({ initialLang }: { initialLang: Lang }) {
  const [lang, setLang] = useState(initialLang);
  const path = usePath();
  const { load } = useLoad(['meta'], readStartState, [], takeStartState);
  const session = load.status === 'ready' ? load.value.session : null;
  const vault = load.status === 'ready' ? load.value.vault : undefined;
  const signedIn = session !== null && !session.expired;
  // Nothing personal is stored before the PIN exists (docs/design.md §6).
  const needsPin = signedIn && vault !== undefined && !vault.hasPin;
  // The login and PIN screens read nothing: they are drawn once the session is known.
  useFirstScreenDrawn(load.status !== 'loading' && (!signedIn || needsPin));
  const unlocked = useUnlocked();
  const [askUnlock, setAskUnlock] = useState(false);
  useEffect(() => {
    // The timers are not needed for the first paint.
    if (signedIn) void import('./lock-timer').then((m) => m.startAutoLock());
  }, [signedIn]);
  const switchLanguage = (next: Lang) => {
    void chooseLanguage(next).then(() => setLang(next));
  };
  return (
    <div class="shell" key={lang}>
      <header class="top-bar">
        <span class="brand">{t('app.shortName')}</span>
        <OnlineBadge />
        {signedIn && !needsPin && (
          <button
            type="button"
            class="icon-link"
            aria-pressed={!unlocked}
            onClick={unlocked ? lockNow : () => setAskUnlock(true)}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" class="nav-icon">
              <path d="M7 10V7a5 5 0 0 1 10 0v3h1v11H6V10zm2 0h6V7a3 3 0 0 0-6 0z" />
            </svg>
            <span class="visually-hidden">{t(unlocked ? 'nav.lock' : 'nav.unlock')}</span>
          </button>
        )}
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
        ) : needsPin ? (
          <PinSetupPage wiped={vault?.wiped ?? false} />
        ) : (
          <SessionContext.Provider value={session}>
            {askUnlock && !unlocked && <UnlockPanel />}
            <Routes path={path} lang={lang} onLang={switchLanguage} />
          </SessionContext.Provider>
        )}
      </main>
      <UndoToast />
      <UpdatePrompt />
      {/* The sections are the signed-in organizer's: the login page has none. */}
      {signedIn && !needsPin && <BottomNav path={path} role={session.user.role} />}
    </div>
  );
}
