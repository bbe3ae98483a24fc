import { useState } from 'preact/hooks';
import type { Session } from '../../../db';
import { mayDo } from '../../../shared/domain';
import { hasErrors } from '../../../shared/domain/issues';
import { t } from '../../../shared/i18n';
import type { MonthClosure } from '../../../shared/protocol';
import { formatDate } from '../../../shared/vn/format';
import { makeIssue } from '../../../shared/vn/issue';
import { LoadState } from '../../components/LoadState';
import { FormProblems } from '../../forms/FormFooter';
import { CheckField, issuesFor } from '../../forms/fields';
import { useSaveForm } from '../../forms/useSaveForm';
import { useLoad } from '../../hooks/useLoad';
import { useOnline } from '../../hooks/useOnline';
import { type NameOf, useOrganizerNames } from './names';
import { closeMonth, fetchClosures, type MonthRef, reopenMonth } from './report-client';

type Props = { session: Session; year: number; month: number };

/**
 * Closing a month (chốt số liệu, docs/design.md §5), online: the months of the year already
 * closed, the close of the report's month once the report is sent (supervisors and admins),
 * and reopening a closed month (admins only). Every step is the server's: offline it says so.
 */
export function MonthClosing(props: Props) {
  const online = useOnline();
  return (
    <section class="card" aria-labelledby="closing-title" data-testid="closing">
      <h2 id="closing-title">{t('progress.close.title', { year: props.year })}</h2>
      {online ? (
        <ClosingOnline {...props} />
      ) : (
        <p class="muted" data-testid="closing-offline">
          {t('progress.close.offline')}
        </p>
      )}
    </section>
  );
}

function ClosingOnline({ session, year, month }: Props) {
  const unitId = session.user.unitId;
  // Bumped after a close or a reopening: the list is read again from the server.
  const [round, setRound] = useState(0);
  const [said, setSaid] = useState('');
  const closures = useLoad([], () => fetchClosures(session.token, unitId, year), [
    unitId,
    year,
    round,
  ]);
  const changed = (message: string) => {
    setSaid(message);
    setRound((n) => n + 1);
  };
  const at: MonthRef = { unitId, year, month };
  return (
    <>
      <LoadState data={closures}>
        {(list) => (
          <>
            <ClosedMonths
              list={list}
              session={session}
              onReopened={(closure) =>
                changed(t('progress.reopen.done', { month: closure.month, year }))
              }
            />
            <MonthState
              closure={list.find((closure) => closure.month === month)}
              session={session}
              at={at}
              onClosed={() => changed(t('progress.close.done', { month, year }))}
            />
          </>
        )}
      </LoadState>
      <p role="status" class="muted" data-testid="closing-status">
        {said}
      </p>
    </>
  );
}

function ClosedMonths(props: {
  list: readonly MonthClosure[];
  session: Session;
  onReopened: (closure: MonthClosure) => void;
}) {
  if (props.list.length === 0) return <p class="muted">{t('progress.close.noneYet')}</p>;
  const admin = mayDo(props.session.user.role, 'reopen_month');
  const nameOf: NameOf = useOrganizerNames(props.session);
  return (
    <ul class="closed-months" data-testid="closed-months">
      {props.list.map((closure) => (
        <li key={closure.month} data-month={closure.month}>
          <span>
            {t('progress.close.itemBy', {
              month: closure.month,
              year: closure.year,
              date: formatDate(closure.closedAt),
              name: nameOf(closure.closedBy),
            })}
          </span>
          {admin && (
            <ReopenForm
              session={props.session}
              closure={closure}
              onReopened={() => props.onReopened(closure)}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/** The report's month: closed (kept as sent), or the close for those who may. */
function MonthState(props: {
  closure: MonthClosure | undefined;
  session: Session;
  at: MonthRef;
  onClosed: () => void;
}) {
  const { closure, at } = props;
  if (closure) {
    return (
      <p data-testid="month-closed">
        {t('progress.close.kept', {
          month: at.month,
          year: at.year,
          date: formatDate(closure.closedAt),
        })}
      </p>
    );
  }
  if (!mayDo(props.session.user.role, 'close_month')) {
    return <p class="muted">{t('progress.close.notYet', { month: at.month, year: at.year })}</p>;
  }
  return <CloseForm {...props} />;
}

/** The close, with the supervisor's word that the report was sent (the one save pattern). */
function CloseForm(props: { session: Session; at: MonthRef; onClosed: () => void }) {
  const { at } = props;
  const { form, issues, setIssues, failure, submit } = useSaveForm();
  const [sent, setSent] = useState(false);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit({
      validate: () =>
        sent
          ? { value: at, issues: [] }
          : { issues: [makeIssue('sent', 'error', 'progress.close.sentRequired')] },
      save: (value) => closeMonth(props.session.token, value),
      done: props.onClosed,
    });
  };
  return (
    <form ref={form} onSubmit={onSubmit} noValidate data-testid="close-form">
      <p class="hint">{t('progress.close.explain')}</p>
      <CheckField
        id="close-sent"
        label={t('progress.close.sent', { month: at.month, year: at.year })}
        required
        checked={sent}
        onChecked={(checked) => {
          setSent(checked);
          if (checked) setIssues([]);
        }}
        issues={issuesFor(issues, 'sent')}
      />
      <FormProblems hasErrors={hasErrors(issues)} failure={failure} />
      <div class="form-actions">
        <button type="submit" class="button primary">
          {t('progress.close.submit', { month: at.month, year: at.year })}
        </button>
      </div>
    </form>
  );
}

/** An admin reopens a closed month: its report is computed again until it is closed anew. */
function ReopenForm(props: { session: Session; closure: MonthClosure; onReopened: () => void }) {
  const { closure } = props;
  const { form, failure, submit } = useSaveForm();
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit({
      validate: () => ({ value: closure, issues: [] }),
      save: (value) => reopenMonth(props.session.token, value),
      done: props.onReopened,
    });
  };
  return (
    <form ref={form} onSubmit={onSubmit} class="reopen-form">
      <FormProblems hasErrors={false} failure={failure} />
      <button type="submit" class="button">
        {t('progress.reopen.submit', { month: closure.month, year: closure.year })}
      </button>
    </form>
  );
}
