import { useState } from 'preact/hooks';
import {
  discardRejected,
  getSyncState,
  listRejected,
  type OutboxRow,
  outboxCount,
  pendingOutbox,
  resend,
} from '../../db';
import { type MessageKey, t } from '../../shared/i18n';
import { formatNumber } from '../../shared/vn/core';
import { appDb } from '../db';
import { useLive } from '../hooks/useLive';
import { useOnline } from '../hooks/useOnline';
import { fieldName } from '../labels';
import { onLinkClick } from '../router';
import { afterWrite, syncNow } from '../sync-scheduler';

const LIST_LIMIT = 200;

async function loadSync() {
  const db = appDb();
  const [count, state, pending, rejected] = await Promise.all([
    outboxCount(db),
    getSyncState(db),
    pendingOutbox(db, LIST_LIMIT),
    listRejected(db),
  ]);
  return { count, state, pending, rejected };
}

/** Where the organizer corrects a refused record before sending it again. */
function fixLink(row: OutboxRow): string {
  if (row.entity === 'enterprise') return `/enterprises/${row.entityId}/edit`;
  const enterpriseId = (row.data as { enterpriseId?: string } | undefined)?.enterpriseId;
  return enterpriseId ? `/enterprises/${enterpriseId}` : '/enterprises';
}

function dateTime(iso: string | undefined): string {
  if (!iso) return t('sync.never');
  return new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function SyncPage() {
  const online = useOnline();
  const live = useLive(loadSync, []);
  const [confirming, setConfirming] = useState<number | undefined>();
  if (!live.value) return <p>{t('common.loading')}</p>;
  const { count, state, pending, rejected } = live.value;
  const label = (entity: string) => t(`sync.entity.${entity}` as MessageKey);

  return (
    <section class="page">
      <h1>{t('page.sync')}</h1>
      <section class="card" aria-labelledby="sync-summary">
        <h2 id="sync-summary">{t('sync.summary')}</h2>
        <p data-testid="sync-pending">
          {t('sync.pending', { count: formatNumber(count.pending) })}
        </p>
        <p data-testid="sync-rejected">
          {t('sync.rejected', { count: formatNumber(count.rejected) })}
        </p>
        <p data-testid="sync-last">{t('sync.last', { when: dateTime(state.lastSyncAt) })}</p>
        {state.running && (
          <progress
            max={Math.max(1, state.total ?? 1)}
            value={state.sent ?? 0}
            aria-label={t('sync.progress')}
          />
        )}
        {state.lastError && !state.running && (
          <p class="muted">{t('sync.lastError', { error: state.lastError })}</p>
        )}
        <button
          type="button"
          class="button primary"
          disabled={!online || state.running === true}
          onClick={() => {
            void syncNow(true);
          }}
        >
          {t('sync.now')}
        </button>
        {!online && <p class="muted">{t('network.offlineHint')}</p>}
      </section>
      {(state.conflicts ?? []).length > 0 && (
        <section class="card" aria-labelledby="sync-conflicts">
          <h2 id="sync-conflicts">{t('sync.conflicts')}</h2>
          <ul class="plain-list">
            {(state.conflicts ?? []).map((note) => (
              <li key={note.entityId}>
                {label(note.entity)}: {note.fields.map((f) => fieldName(f)).join(', ')}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="card" aria-labelledby="sync-attention">
        <h2 id="sync-attention">{t('sync.needsAttention', { count: rejected.length })}</h2>
        <ul class="plain-list" data-testid="sync-rejected-list">
          {rejected.map((row) => (
            <li key={row.seq}>
              <strong>{label(row.entity)}</strong> · {t('sync.state.rejected')}
              <ul class="issues">
                {(row.issues ?? []).map((issue) => (
                  <li key={issue.code} class="error">
                    {issue.message}
                  </li>
                ))}
                {row.lastError && <li class="error">{row.lastError}</li>}
              </ul>
              <div class="form-actions">
                <a class="button" href={fixLink(row)} onClick={onLinkClick}>
                  {t('sync.fix')}
                </a>
                <button
                  type="button"
                  class="button"
                  onClick={async () => {
                    await resend(appDb(), row.seq);
                    afterWrite();
                  }}
                >
                  {t('sync.resend')}
                </button>
                <button
                  type="button"
                  class="button danger"
                  onClick={async () => {
                    if (confirming !== row.seq) {
                      setConfirming(row.seq);
                      return;
                    }
                    await discardRejected(appDb(), row.seq);
                    setConfirming(undefined);
                  }}
                >
                  {confirming === row.seq ? t('sync.discardConfirm') : t('sync.discard')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="sync-queue">
        <h2 id="sync-queue">{t('sync.queue')}</h2>
        <ul class="plain-list" data-testid="sync-queue-list">
          {pending.map((row) => (
            <li key={row.seq}>
              {label(row.entity)} ·{' '}
              {row.attempts > 0 ? t('sync.state.sending') : t('sync.state.pending')}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
