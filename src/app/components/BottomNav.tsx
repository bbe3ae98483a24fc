import type { MessageKey } from '../../shared/i18n';
import { t } from '../../shared/i18n';
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

function isActive(current: string, itemPath: string): boolean {
  return current === itemPath || current.startsWith(`${itemPath}/`);
}

export function BottomNav({ path }: { path: string }) {
  return (
    <nav class="bottom-nav" aria-label={t('nav.label')}>
      {NAV_ITEMS.map((item) => {
        const full = t(item.label);
        const short = t(item.short);
        return (
          <a
            key={item.path}
            href={item.path}
            onClick={onLinkClick}
            aria-label={full === short ? undefined : full}
            aria-current={isActive(path, item.path) ? 'page' : undefined}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" class="nav-icon">
              <path d={item.icon} />
            </svg>
            <span class="nav-label">{short}</span>
          </a>
        );
      })}
    </nav>
  );
}
