import { useState } from 'preact/hooks';
import {
  type ConflictNote,
  discardRejected,
  getEnterprise,
  getSyncState,
  isUnlocked,
  listConflictNotes,
  listRejected,
  type OutboxRow,
  outboxCount,
  pendingOutbox,
  resend,
  revealOutboxRows,
} from '../../db';
import { type MessageKey, t } from '../../shared/i18n';
import { LoadState } from '../components/LoadState';
import { appDb } from '../db';
import { formatDateTime, formatDay } from '../format';
import { useLoad } from '../hooks/useLoad';
import { useOnline } from '../hooks/useOnline';
import { enumLabel } from '../labels';
import { useUnlocked } from '../lock';
import { onLinkClick } from '../router';
import { UnlockPanel } from '../screens';
import { afterWrite, syncNow } from '../sync-scheduler';
import { ConflictNotes } from './ConflictNotes';
import { addLockMessages } from './lock/messages';
import { addSyncMessages } from './sync-messages';

addLockMessages();
addSyncMessages();

const LIST_LIMIT = 200;

async function loadSync() {
  const db = appDb();
  const [count, state, queued, refused, notes] = await Promise.all([
    outboxCount(db),
    getSyncState(db),
    pendingOutbox(db, LIST_LIMIT),
    listRejected(db),
    listConflictNotes(db),
  ]);
  // Applicants are named only while unlocked (docs/design.md §6); locked, their rows say so. The
  // rows say what they were read under: the screen shows the lock's change before it reads again.
  const revealed = isUnlocked(db);
  const [pending, rejected] = await Promise.all([
    revealOutboxRows(db, queued),
    revealOutboxRows(db, refused),
  ]);
  const noted = notes.map((view) => view.note).filter((note) => note.entity === 'enterprise');
  const names = await enterpriseNames([...pending, ...rejected], noted);
  return { count, state, pending, rejected, notes, names, revealed };
}

/** Names of the enterprises the listed rows and notes are about or belong to. */
async function enterpriseNames(
  rows: readonly OutboxRow[],
  notes: readonly ConflictNote[],
): Promise<Map<string, string>> {
  const ids = new Set<string>(notes.map((note) => note.entityId));
  for (const row of rows) {
    if (row.entity === 'enterprise') ids.add(row.entityId);
    else if (row.data && 'enterpriseId' in row.data && row.data.enterpriseId) {
      ids.add(row.data.enterpriseId);
    }
  }
  const list = [...ids];
  const found = await Promise.all(list.map((id) => getEnterprise(appDb(), id)));
  return new Map(list.map((id, i) => [id, found[i]?.name ?? '']));
}

/** What the row is: the enterprise, the visit's date and enterprise, the applicant. */
function rowName(row: OutboxRow, names: ReadonlyMap<string, string>, revealed: boolean): string {
  const unknown = t('sync.row.unknown');
  const data = row.data as Record<string, unknown> | undefined;
  const text = (key: string) => (typeof data?.[key] === 'string' ? (data[key] as string) : '');
  switch (row.entity) {
    case 'enterprise':
      return t('sync.row.enterprise', {
        name: text('name') || names.get(row.entityId) || unknown,
      });
    case 'visit':
      return t('sync.row.visit', {
        date: text('visitedAt') ? formatDay(text('visitedAt')) : unknown,
        enterprise: names.get(text('enterpriseId')) || unknown,
      });
    case 'signup':
      if (!revealed && !text('fullName')) return t('lock.lockedApplication');
      return t('sync.row.signup', { name: text('fullName') || unknown });
    case 'target':
      return t('sync.row.target', {
        indicator: text('indicator') ? enumLabel('indicator', text('indicator')) : unknown,
        year: String(data?.['year'] ?? ''),
      });
    case 'indicatorEntry':
      return t('sync.row.indicatorEntry', {
        kind: text('kind') ? enumLabel('entry_kind', text('kind')) : unknown,
        date: text('date') ? formatDay(text('date')) : unknown,
      });
    default:
      return row.entity;
  }
}

/** Where a waiting row stands; offline, nothing is "sent" whatever was tried before. */
function queueState(row: OutboxRow, online: boolean, running: boolean): MessageKey {
  if (!online) return 'sync.state.offline';
  if (running) return 'sync.state.sending';
  return row.attempts > 0 ? 'sync.state.retry' : 'sync.state.pending';
}

/** Where the organizer corrects a refused record before sending it again. */
function fixLink(row: OutboxRow): string {
  if (row.entity === 'enterprise') return `/enterprises/${row.entityId}/edit`;
  if (row.entity === 'target') return '/targets';
  if (row.entity === 'indicatorEntry') return `/entries/${row.entityId}`;
  const enterpriseId = (row.data as { enterpriseId?: string } | undefined)?.enterpriseId;
  return enterpriseId ? `/enterprises/${enterpriseId}` : '/enterprises';
}

/** The record a note is about: the enterprise by name, otherwise what kind of record. */
function noteRecord(note: ConflictNote, names: ReadonlyMap<string, string>): string {
  const kind = t(`sync.entity.${note.entity}` as MessageKey);
  const name = note.entity === 'enterprise' ? names.get(note.entityId) : undefined;
  return name ? `${kind} ${name}` : kind;
}

function dateTime(iso: string | undefined): string {
  return iso ? formatDateTime(iso) : t('sync.never');
}

export function SyncPage() {
  // The records too: a note shows whether its value is back in the record.
  // Read again on lock and unlock: the applicants' names come and go with the keys.
  const unlocked = useUnlocked();
  const data = useLoad(['outbox', 'meta', 'enterprises', 'visits', 'signups'], loadSync, [
    unlocked,
  ]);
  return (
    <section class="page">
      <h1>{t('page.sync')}</h1>
      <LoadState data={data}>{(loaded) => <SyncView {...loaded} unlocked={unlocked} />}</LoadState>
    </section>
  );
}

function SyncView({
  count,
  state,
  pending,
  rejected,
  notes,
  names,
  revealed,
  unlocked,
}: Awaited<ReturnType<typeof loadSync>> & { unlocked: boolean }) {
  const online = useOnline();
  const [confirming, setConfirming] = useState<number | undefined>();
  const applicants = [...pending, ...rejected].some((row) => row.entity === 'signup');

  return (
    <>
      {!unlocked && applicants && <UnlockPanel />}
      <section class="card" aria-labelledby="sync-summary">
        <h2 id="sync-summary">{t('sync.summary')}</h2>
        <p data-testid="sync-pending">{t('sync.pending', { count: count.pending })}</p>
        <p data-testid="sync-rejected">{t('sync.rejected', { count: count.rejected })}</p>
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
      <ConflictNotes notes={notes} recordName={(note) => noteRecord(note, names)} />
      <section class="card" aria-labelledby="sync-attention">
        <h2 id="sync-attention">{t('sync.needsAttention', { count: rejected.length })}</h2>
        <ul class="plain-list" data-testid="sync-rejected-list">
          {rejected.map((row) => (
            <li key={row.seq}>
              <strong>{rowName(row, names, revealed)}</strong> · {t('sync.state.rejected')}
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
              {rowName(row, names, revealed)} ·{' '}
              <span data-testid="queue-state">
                {t(queueState(row, online, state.running === true))}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
