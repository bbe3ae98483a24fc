import { t } from '../../shared/i18n';
import { acceptUndo, useUndoOffer } from '../undo';

export function UndoToast() {
  const offer = useUndoOffer();
  if (!offer) return null;
  return (
    <div class="toast" role="status" data-testid="undo-toast">
      <span>{offer.message}</span>
      <button type="button" class="button" onClick={() => void acceptUndo(offer)}>
        {t('common.undo')}
      </button>
    </div>
  );
}
