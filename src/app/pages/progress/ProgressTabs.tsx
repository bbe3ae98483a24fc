import { t } from '../../../shared/i18n';
import { onLinkClick } from '../../router';

/** The two views of the Tiến độ tab: the figures and the review list. */
export function ProgressTabs({ current }: { current: 'figures' | 'review' }) {
  return (
    <nav class="progress-tabs" aria-label={t('progress.tabs')}>
      <a
        href="/progress"
        onClick={onLinkClick}
        aria-current={current === 'figures' ? 'page' : undefined}
      >
        {t('progress.tab.figures')}
      </a>
      <a
        href="/progress/review"
        onClick={onLinkClick}
        aria-current={current === 'review' ? 'page' : undefined}
      >
        {t('progress.tab.review')}
      </a>
    </nav>
  );
}
