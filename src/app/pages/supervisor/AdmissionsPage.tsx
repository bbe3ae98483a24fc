import './supervisor.css';
import { useMemo, useRef, useState } from 'preact/hooks';
import {
  ADMISSION_TABLES,
  type AdmissionQueue,
  type AdmissionResult,
  acceptApplications,
  loadAdmissionQueue,
  type SignupRow,
} from '../../../db';
import { todayInVietnam } from '../../../shared/domain/dates';
import { t } from '../../../shared/i18n';
import { parseDate } from '../../../shared/vn/core';
import { makeIssue } from '../../../shared/vn/issue';
import { afterPaint } from '../../after-paint';
import { LoadState } from '../../components/LoadState';
import { ShowMore, usePaging } from '../../components/ShowMore';
import { appDb } from '../../db';
import { formatDay } from '../../format';
import { FormFooter } from '../../forms/FormFooter';
import { CheckField, IssueList, issuesFor, SelectField, TextField } from '../../forms/fields';
import { useSaveForm } from '../../forms/useSaveForm';
import { type Loaded, useLoad } from '../../hooks/useLoad';
import { useWide } from '../../hooks/useWide';
import { useUnlocked } from '../../lock';
import { UnlockPanel } from '../../screens';
import { useSession } from '../../session';
import { afterWrite } from '../../sync-scheduler';
import { readFirstScreen } from './admission-prefetch';
import {
  applicationIssues,
  authorOf,
  duplicatesPending,
  filterQueue,
  latestSignature,
  NO_FILTER,
  NO_OPTIONS,
  type QueueFilter,
  queueOptions,
} from './admission-queue';
import { BulkOutcome } from './BulkOutcome';
import {
  checkDecisionInput,
  DecisionFields,
  type DecisionInput,
  emptyDecision,
} from './decision-fields';
import { addSupervisorMessages } from './messages';
import { collectorName } from './names';
import { RejectForm } from './RejectForm';
import { SupervisorPage, useActor } from './SupervisorTabs';

addSupervisorMessages();

/**
 * The queue in two reads: its first screen (the first rows through indexes, started as the
 * screen opened: admission-prefetch.ts; issue 12's 300 ms), then, once that is painted, the
 * whole queue, which the filters, "select all" and "show more" work on.
 * Both read again after every write to their tables.
 */
function useQueue(unlocked: boolean): Loaded<AdmissionQueue> {
  const firstRead = useRef<Promise<unknown>>(Promise.resolve());
  const first = useLoad(ADMISSION_TABLES, () => {
    const read = readFirstScreen();
    firstRead.current = read.catch(() => undefined);
    return read;
  }, [unlocked]);
  const whole = useLoad(
    ADMISSION_TABLES,
    async (gone) => {
      // Its 2,000 rows would hold up the first screen's frame: read once that is painted, a
      // slice per frame, and no further once the screen is left.
      await firstRead.current;
      return loadAdmissionQueue(appDb(), () => afterPaint(gone));
    },
    [unlocked],
  );
  return whole.load.status === 'loading' ? first : whole;
}

export function AdmissionsPage() {
  // A decision reads the applicants' identities (names, ID numbers: personal fields, encrypted
  // at rest): locked, the screen asks for the PIN in place, and reads again on unlock.
  const unlocked = useUnlocked();
  const data = useQueue(unlocked);
  return (
    <SupervisorPage tab="admissions" action="decide_signup">
      <h1>{t('admissions.title')}</h1>
      {unlocked ? (
        <LoadState data={data}>{(queue) => <Queue queue={queue} />}</LoadState>
      ) : (
        <UnlockPanel />
      )}
    </SupervisorPage>
  );
}

type DateFilter = { from: string; to: string };

function Queue({ queue }: { queue: AdmissionQueue }) {
  const session = useSession();
  const selfId = session.user.id;
  const wide = useWide();
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER);
  const [dates, setDates] = useState<DateFilter>({ from: '', to: '' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const paging = usePaging();
  const [outcome, setOutcome] = useState<AdmissionResult | undefined>();

  const options = useMemo(
    () =>
      queue.complete ? queueOptions(queue, selfId, (id) => collectorName(id, session)) : NO_OPTIONS,
    [queue, selfId, session],
  );
  const rows = useMemo(() => filterQueue(queue, filter, selfId), [queue, filter, selfId]);
  // Until the whole queue is read, the count is every waiting application's.
  const count = queue.complete ? rows.length : queue.total;
  const chosen = rows.filter((row) => selected.has(row.id));
  const allChosen = rows.length > 0 && chosen.length === rows.length;

  const setDate = (patch: Partial<DateFilter>) => {
    const next = { ...dates, ...patch };
    setDates(next);
    const iso = (text: string) => parseDate(text).value ?? '';
    setFilter({ ...filter, from: iso(next.from), to: iso(next.to) });
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const names = (row: SignupRow) => ({
    enterprise: queue.enterprises.get(row.enterpriseId)?.name ?? '',
    organizer: collectorName(authorOf(row, selfId), session),
  });
  const visible = rows.slice(0, paging.shown);

  return (
    <>
      <fieldset class="filters" disabled={!queue.complete} aria-busy={!queue.complete}>
        <legend>{t('admissions.filters')}</legend>
        <SelectField
          id="filter-unit"
          label={t('admissions.filter.unit')}
          value={filter.unitId}
          emptyLabel={t('admissions.filter.all')}
          options={options.units}
          onValue={(unitId) => setFilter({ ...filter, unitId })}
        />
        <SelectField
          id="filter-enterprise"
          label={t('admissions.filter.enterprise')}
          value={filter.enterpriseId}
          emptyLabel={t('admissions.filter.all')}
          options={options.enterprises}
          onValue={(enterpriseId) => setFilter({ ...filter, enterpriseId })}
        />
        <SelectField
          id="filter-organizer"
          label={t('admissions.filter.organizer')}
          value={filter.authorId}
          emptyLabel={t('admissions.filter.all')}
          options={options.organizers}
          onValue={(authorId) => setFilter({ ...filter, authorId })}
        />
        <TextField
          id="filter-from"
          label={t('admissions.filter.from')}
          value={dates.from}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          onValue={(from) => setDate({ from })}
        />
        <TextField
          id="filter-to"
          label={t('admissions.filter.to')}
          value={dates.to}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          onValue={(to) => setDate({ to })}
        />
      </fieldset>
      <p role="status" data-testid="queue-count">
        {t('admissions.count', { count })}
      </p>
      {outcome && <Outcome outcome={outcome} queue={queue} />}
      {queue.complete && rows.length > 0 && (
        <CheckField
          id="select-all"
          label={t('admissions.selectAll', { count: rows.length })}
          checked={allChosen}
          onChecked={(on) => setSelected(on ? new Set(rows.map((row) => row.id)) : new Set())}
        />
      )}
      {wide ? (
        <QueueTable
          rows={visible}
          queue={queue}
          selected={selected}
          onToggle={toggle}
          names={names}
        />
      ) : (
        <QueueList
          rows={visible}
          queue={queue}
          selected={selected}
          onToggle={toggle}
          names={names}
        />
      )}
      <ShowMore
        paging={paging}
        total={rows.length}
        label={(hidden) => t('supervisor.more', { count: hidden })}
      />
      <DecisionForm
        chosen={chosen}
        queue={queue}
        onDone={(result) => {
          setOutcome(result);
          setSelected(new Set());
        }}
      />
    </>
  );
}

type ListProps = {
  rows: readonly SignupRow[];
  queue: AdmissionQueue;
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  names: (row: SignupRow) => { enterprise: string; organizer: string };
};

function RowIssues({ row, queue }: { row: SignupRow; queue: AdmissionQueue }) {
  const issues = applicationIssues(row, queue);
  // On the first screen no duplicate is known yet: say so rather than "nothing to note".
  const pending = duplicatesPending(queue);
  return (
    <>
      {issues.length > 0 && <IssueList issues={issues} />}
      {pending && (
        <p class="muted" data-testid="duplicates-pending">
          {t('admissions.duplicatesPending')}
        </p>
      )}
      {issues.length === 0 && !pending && <p class="muted">{t('admissions.noIssue')}</p>}
    </>
  );
}

function fullNameOf(row: SignupRow): string {
  return row.fullName ?? '';
}

/** On a phone: one card per application. */
function QueueList({ rows, queue, selected, onToggle, names }: ListProps) {
  return (
    <ul class="queue-list" aria-label={t('admissions.list')} data-testid="admission-queue">
      {rows.map((row) => {
        const { enterprise, organizer } = names(row);
        return (
          <li key={row.id}>
            <label class="queue-check">
              <input
                type="checkbox"
                checked={selected.has(row.id)}
                onChange={(event) => onToggle(row.id, event.currentTarget.checked)}
              />
              <span>
                <strong>{fullNameOf(row)}</strong>
                <br />
                <span class="muted">
                  {enterprise} · {t('admissions.signed', { date: formatDay(row.signedAt ?? '') })} ·{' '}
                  {organizer}
                </span>
              </span>
            </label>
            <RowIssues row={row} queue={queue} />
            <RejectForm row={row} />
          </li>
        );
      })}
    </ul>
  );
}

/** At a desk: one table row per application. */
function QueueTable({ rows, queue, selected, onToggle, names }: ListProps) {
  return (
    <table class="desk-table" aria-label={t('admissions.list')} data-testid="admission-queue">
      <thead>
        <tr>
          <th scope="col">
            <span class="visually-hidden">{t('admissions.selectAll', { count: rows.length })}</span>
          </th>
          <th scope="col">{t('admissions.col.name')}</th>
          <th scope="col">{t('admissions.col.idNumber')}</th>
          <th scope="col">{t('admissions.col.enterprise')}</th>
          <th scope="col">{t('admissions.col.signed')}</th>
          <th scope="col">{t('admissions.col.organizer')}</th>
          <th scope="col">{t('admissions.col.issues')}</th>
          <th scope="col">{t('admissions.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const { enterprise, organizer } = names(row);
          return (
            <tr key={row.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('admissions.select', { name: fullNameOf(row) })}
                  checked={selected.has(row.id)}
                  onChange={(event) => onToggle(row.id, event.currentTarget.checked)}
                />
              </td>
              <th scope="row">{fullNameOf(row)}</th>
              <td>{row.idNumber}</td>
              <td>{enterprise}</td>
              <td>{formatDay(row.signedAt ?? '')}</td>
              <td>{organizer}</td>
              <td>
                <RowIssues row={row} queue={queue} />
              </td>
              <td>
                <RejectForm row={row} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Outcome({ outcome, queue }: { outcome: AdmissionResult; queue: AdmissionQueue }) {
  const names = new Map(queue.waiting.map((row) => [row.id, fullNameOf(row)]));
  return (
    <BulkOutcome
      result={{ done: outcome.accepted.length, refused: outcome.refused }}
      doneText={t('admissions.accepted', { count: outcome.accepted.length })}
      refusedText={t('admissions.refused', { count: outcome.refused.length })}
      nameOf={(id) => names.get(id)}
      testId="admission-outcome"
    />
  );
}

/** One decision for every application chosen: number, date, issuing unit. */
function DecisionForm(props: {
  chosen: readonly SignupRow[];
  queue: AdmissionQueue;
  onDone: (result: AdmissionResult) => void;
}) {
  const actor = useActor();
  const today = todayInVietnam();
  const [decision, setDecision] = useState<DecisionInput>(() => emptyDecision(actor.unitId, today));
  const { form, issues, failure, submit } = useSaveForm();
  const count = props.chosen.length;

  const save = async (event: Event) => {
    event.preventDefault();
    const ids = props.chosen.map((row) => row.id);
    await submit({
      validate: () => {
        const checked = checkDecisionInput(
          'decision',
          decision,
          today,
          latestSignature(props.chosen),
        );
        if (count > 0) return checked;
        const none = makeIssue('selection', 'error', 'admissions.noneSelected');
        return { issues: [none, ...checked.issues] };
      },
      save: (value) => acceptApplications(appDb(), actor, ids, value, today),
      done: (result) => {
        afterWrite();
        props.onDone(result);
      },
    });
  };

  return (
    <form class="decision-form" onSubmit={save} noValidate ref={form}>
      <h2>{t('admissions.decision')}</h2>
      <IssueList issues={issuesFor(issues, 'selection')} />
      <DecisionFields
        field="decision"
        value={decision}
        onValue={setDecision}
        issues={issues}
        units={props.queue.units}
        ownUnitId={actor.unitId}
      />
      <FormFooter
        hasErrors={issues.some((issue) => issue.level === 'error')}
        failure={failure}
        actions={
          <button type="submit" class="button primary">
            {t('admissions.accept', { count })}
          </button>
        }
      />
    </form>
  );
}
