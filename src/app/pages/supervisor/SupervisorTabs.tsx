import type { ComponentChildren } from 'preact';
import type { Actor } from '../../../shared/domain/roles';
import { mayDo } from '../../../shared/domain/roles';
import { t } from '../../../shared/i18n';
import { onLinkClick } from '../../router';
import { useSession } from '../../session';

export type SupervisorTab = 'admissions' | 'entries' | 'targets' | 'assignments';

const TABS: readonly { tab: SupervisorTab; path: string }[] = [
  { tab: 'admissions', path: '/admissions' },
  { tab: 'entries', path: '/entries' },
  { tab: 'targets', path: '/targets' },
  { tab: 'assignments', path: '/assignments' },
];

/** The signed-in user as the shared rules see them. */
export function useActor(): Actor {
  const { user } = useSession();
  return { id: user.id, role: user.role, unitId: user.unitId };
}

/** The supervisor's four screens, one tab each. */
export function SupervisorTabs({ current }: { current: SupervisorTab }) {
  return (
    <nav class="supervisor-tabs" aria-label={t('supervisor.tabs')}>
      {TABS.map(({ tab, path }) => (
        <a
          key={tab}
          href={path}
          onClick={onLinkClick}
          aria-current={current === tab ? 'page' : undefined}
        >
          {t(`supervisor.tab.${tab}`)}
        </a>
      ))}
    </nav>
  );
}

/**
 * A supervisor's screen: its tabs, then the screen when the role may do `action` (the server
 * refuses it anyway; the app only shows each role what it may do), else a short explanation.
 */
export function SupervisorPage(props: {
  tab: SupervisorTab;
  action: Parameters<typeof mayDo>[1];
  children: ComponentChildren;
}) {
  const actor = useActor();
  return (
    <div class="page supervisor-page">
      <SupervisorTabs current={props.tab} />
      {mayDo(actor.role, props.action) ? (
        props.children
      ) : (
        <p role="alert" class="form-error">
          {t('supervisor.notAllowed')}
        </p>
      )}
    </div>
  );
}
