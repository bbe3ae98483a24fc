import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { isBusy } from '../busy';
import { applyUpdate, onUpdateWaiting } from '../sw-update';

export function UpdatePrompt() {
  const [waiting, setWaiting] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [blocked, setBlocked] = useState(false);
  useEffect(() => onUpdateWaiting(() => setWaiting(true)), []);
  if (!waiting || dismissed) return null;

  const accept = () => {
    // Never reload under a dirty form or a running drain (docs/design.md §6).
    if (isBusy()) {
      setBlocked(true);
      return;
    }
    applyUpdate();
  };

  return (
    <div class="update-prompt" role="alertdialog" aria-labelledby="update-text">
      <p id="update-text">{blocked ? t('update.busy') : t('update.available')}</p>
      <div class="update-actions">
        <button type="button" class="button primary" onClick={accept}>
          {t('update.apply')}
        </button>
        <button type="button" class="button" onClick={() => setDismissed(true)}>
          {t('update.later')}
        </button>
      </div>
    </div>
  );
}
