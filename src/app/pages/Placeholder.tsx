import type { MessageKey } from '../../shared/i18n';
import { t } from '../../shared/i18n';

/** An area whose screens a later piece of work fills; it still has a title and a landmark. */
export function Placeholder({ title }: { title: MessageKey }) {
  return (
    <section class="page">
      <h1>{t(title)}</h1>
      <p class="muted">{t('placeholder.comingSoon')}</p>
    </section>
  );
}
