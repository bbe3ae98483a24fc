import type { ComponentChildren } from 'preact';
import { t } from '../../shared/i18n';
import { describeError } from '../data/load';
import { useFirstScreenDrawn } from '../first-screen';
import type { Loaded } from '../hooks/useLoad';

type Props<T> = {
  data: Loaded<T>;
  /** What the screen says when its record is not on the device. */
  notFound?: string;
  children: (value: T) => ComponentChildren;
};

/** The four states of a screen's data, drawn the same way everywhere. */
export function LoadState<T>({ data, notFound, children }: Props<T>) {
  const { load } = data;
  useFirstScreenDrawn(load.status !== 'loading');
  switch (load.status) {
    case 'ready':
      return <>{children(load.value)}</>;
    case 'loading':
      return (
        <p role="status" class="muted">
          {t('common.loading')}
        </p>
      );
    case 'notFound':
      return (
        <p role="alert" class="form-error" data-testid="not-found">
          {notFound ?? t('common.notFound')}
        </p>
      );
    case 'failed':
      return (
        <div role="alert" class="form-error" data-testid="load-failed">
          <p>{t('load.failed', { error: describeError(load.error) })}</p>
          <button type="button" class="button" onClick={data.retry}>
            {t('common.retry')}
          </button>
        </div>
      );
  }
}
