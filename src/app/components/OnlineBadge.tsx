import { t } from '../../shared/i18n';
import { useOnline } from '../hooks/useOnline';

export function OnlineBadge() {
  const online = useOnline();
  return (
    <output
      class={online ? 'net-badge online' : 'net-badge offline'}
      data-testid="network-status"
      title={online ? undefined : t('network.offlineHint')}
    >
      <span class="net-dot" aria-hidden="true" />
      {online ? t('network.online') : t('network.offline')}
    </output>
  );
}
