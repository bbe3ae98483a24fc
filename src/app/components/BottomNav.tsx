import { countWaitingApplications } from '../../db';
import { mayDo } from '../../shared/domain/roles';
import type { MessageKey } from '../../shared/i18n';
import { t } from '../../shared/i18n';
import type { UserRole } from '../../shared/schemas';
import { appDb } from '../db';
import { useLoad } from '../hooks/useLoad';
import { onLinkClick } from '../router';

type NavItem = { path: string; label: MessageKey; short: MessageKey; icon: string };

// The five areas of the field work, in the order an organizer's day goes through them. Each tab
// shows a short label that fits one line of a 360 px phone at 12 px in both languages; its
// accessible name is the full one, which contains the short label (WCAG 2.5.3).
export const NAV_ITEMS: readonly NavItem[] = [
  {
    path: '/enterprises',
    label: 'nav.enterprises',
    short: 'nav.short.enterprises',
    icon: 'M4 20V8l6-4v4l6-4v16H4zm3-3h2v-3H7v3zm4 0h2v-3h-2v3z',
  },
  {
    path: '/follow-ups',
    label: 'nav.followUps',
    short: 'nav.short.followUps',
    icon: 'M5 5h14v15H5zM8 3v4m8-4v4M5 10h14',
  },
  {
    path: '/signups',
    label: 'nav.signups',
    short: 'nav.short.signups',
    icon: 'M6 3h9l4 4v14H6zM9 12h7M9 16h7',
  },
  {
    path: '/sync',
    label: 'nav.sync',
    short: 'nav.short.sync',
    icon: 'M4 12a8 8 0 0 1 14-5l2-2v6h-6l2-2a5 5 0 1 0 1 5',
  },
  {
    path: '/progress',
    label: 'nav.progress',
    short: 'nav.short.progress',
    icon: 'M4 20h16M7 16v-5m5 5V7m5 9v-8',
  },
];

/** The supervisor's sixth tab: the applications waiting for a decision, with their count. */
export const ADMISSIONS_ITEM: NavItem = {
  path: '/admissions',
  label: 'nav.admissions',
  short: 'nav.short.admissions',
  icon: 'M6 3h9l4 4v14H6zM9 14l2 2 4-4',
};

function isActive(current: string, itemPath: string): boolean {
  return current === itemPath || current.startsWith(`${itemPath}/`);
}

/** Applications waiting for a decision, read again after every write to them; 0 for organizers. */
function useWaitingCount(decides: boolean): number {
  const { load } = useLoad(
    ['signups'],
    () => (decides ? countWaitingApplications(appDb()) : Promise.resolve(0)),
    [decides],
  );
  return load.status === 'ready' ? load.value : 0;
}

export function BottomNav({ path, role }: { path: string; role: UserRole }) {
  // The roles table decides who sees the tab (docs/design.md §3); the server decides the rest.
  const decides = mayDo(role, 'decide_signup');
  const waiting = useWaitingCount(decides);
  const items = decides ? [...NAV_ITEMS, ADMISSIONS_ITEM] : NAV_ITEMS;
  return (
    <nav class="bottom-nav" aria-label={t('nav.label')}>
      {items.map((item) => {
        const short = t(item.short);
        const badge = item === ADMISSIONS_ITEM && waiting > 0 ? waiting : undefined;
        const full =
          badge === undefined
            ? t(item.label)
            : `${t(item.label)}, ${t('nav.admissionsWaiting', { count: badge })}`;
        return (
          <a
            key={item.path}
            href={item.path}
            onClick={onLinkClick}
            aria-label={full === short ? undefined : full}
            aria-current={isActive(path, item.path) ? 'page' : undefined}
          >
            <span class="nav-icon-wrap">
              <svg viewBox="0 0 24 24" aria-hidden="true" class="nav-icon">
                <path d={item.icon} />
              </svg>
              {badge !== undefined && (
                <span class="nav-badge" aria-hidden="true" data-testid="admissions-badge">
                  {badge > 999 ? '999+' : badge}
                </span>
              )}
            </span>
            <span class="nav-label">{short}</span>
          </a>
        );
      })}
    </nav>
  );
}
