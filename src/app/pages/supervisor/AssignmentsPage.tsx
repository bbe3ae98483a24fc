import './supervisor.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  ASSIGNMENT_TABLES,
  type AssignableEnterprise,
  type AssignmentData,
  type AssignmentResult,
  assignEnterprises,
  loadAssignmentData,
} from '../../../db';
import { t } from '../../../shared/i18n';
import { type Issue, makeIssue } from '../../../shared/vn/issue';
import { LoadState } from '../../components/LoadState';
import { ShowMore, usePaging } from '../../components/ShowMore';
import { appDb } from '../../db';
import { type DirectoryRefresh, refreshDirectory } from '../../directory';
import { formatDateTime } from '../../format';
import { FormFooter } from '../../forms/FormFooter';
import { CheckField, IssueList, issuesFor, SelectField } from '../../forms/fields';
import { useSaveForm } from '../../forms/useSaveForm';
import { useAdminUnits } from '../../hooks/useAdminUnits';
import { useLoad } from '../../hooks/useLoad';
import { useWide } from '../../hooks/useWide';
import { afterWrite } from '../../sync-scheduler';
import {
  ALL_ENTERPRISES,
  type AssignmentFilter,
  assigneeOptions,
  filterEnterprises,
  wardOptions,
} from './assignment-view';
import { BulkOutcome } from './BulkOutcome';
import { entryUnitOptions } from './entry-form';
import { addSupervisorMessages } from './messages';
import { SupervisorPage, useActor } from './SupervisorTabs';

addSupervisorMessages();

/** The value of the "nobody" choice: unassigns. */
const NOBODY = 'nobody';

/** What the assignments screen says of a refresh of the people (nothing when it worked). */
function describeRefresh(result: DirectoryRefresh): string | undefined {
  if (result === 'offline') return t('assignments.offline');
  if (typeof result === 'object') return t('assignments.refreshFailed', { status: result.refused });
  return undefined;
}

/** Phân công: enterprises of the subtree to organizers of their unit, one by one or a ward. */
export function AssignmentsPage() {
  const [refreshNote, setRefreshNote] = useState<string | undefined>();
  const data = useLoad(ASSIGNMENT_TABLES, () => loadAssignmentData(appDb()), []);
  const refresh = () =>
    refreshDirectory({ maxAgeMs: 0 }).then((result) => setRefreshNote(describeRefresh(result)));
  // The list of people follows the server whenever the screen opens online.
  useEffect(() => {
    void refresh();
  }, []);
  return (
    <SupervisorPage tab="assignments" action="assign">
      <h1>{t('assignments.title')}</h1>
      <LoadState data={data}>
        {(loaded) => (
          <>
            <p class="muted" data-testid="people-state">
              {loaded.peopleFetchedAt
                ? t('assignments.people', { time: formatDateTime(loaded.peopleFetchedAt) })
                : t('assignments.peopleNever')}{' '}
              {refreshNote}
            </p>
            <button type="button" class="button" onClick={() => void refresh()}>
              {t('assignments.refresh')}
            </button>
            <Assignments data={loaded} />
          </>
        )}
      </LoadState>
    </SupervisorPage>
  );
}

function Assignments({ data }: { data: AssignmentData }) {
  const actor = useActor();
  const wide = useWide();
  const admin = useAdminUnits();
  const [filter, setFilter] = useState<AssignmentFilter>(ALL_ENTERPRISES);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const paging = usePaging();
  const [outcome, setOutcome] = useState<AssignmentResult | undefined>();
  const wardName = (code: string) => admin?.findWard(code)?.name ?? code;
  const rows = useMemo(() => filterEnterprises(data, filter), [data, filter]);
  const chosen = rows.filter((row) => selected.has(row.id));
  const names = useMemo(
    () => new Map(data.people.map((p) => [p.id, p.displayName])),
    [data.people],
  );
  const assignee = (id: string | undefined) =>
    id === undefined ? t('assignments.nobody') : (names.get(id) ?? id.slice(0, 8));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const visible = rows.slice(0, paging.shown);
  const props = { rows: visible, selected, onToggle: toggle, wardName, assignee };

  return (
    <>
      <fieldset class="filters">
        <legend>{t('admissions.filters')}</legend>
        <SelectField
          id="assign-unit"
          label={t('assignments.filter.unit')}
          value={filter.unitId}
          emptyLabel={t('admissions.filter.all')}
          options={entryUnitOptions(actor, data.units)}
          onValue={(unitId) => setFilter({ ...filter, unitId, wardCode: '' })}
        />
        <SelectField
          id="assign-ward"
          label={t('assignments.filter.ward')}
          value={filter.wardCode}
          emptyLabel={t('admissions.filter.all')}
          options={wardOptions(data, filter.unitId, wardName)}
          onValue={(wardCode) => setFilter({ ...filter, wardCode })}
        />
        <CheckField
          id="assign-unassigned"
          label={t('assignments.filter.unassigned')}
          checked={filter.unassignedOnly}
          onChecked={(unassignedOnly) => setFilter({ ...filter, unassignedOnly })}
        />
      </fieldset>
      <p role="status">{t('assignments.count', { count: rows.length })}</p>
      {outcome && <Outcome outcome={outcome} data={data} />}
      {rows.length > 0 && (
        <CheckField
          id="assign-all"
          label={t('assignments.selectAll', { count: rows.length })}
          checked={chosen.length === rows.length}
          onChecked={(on) => setSelected(on ? new Set(rows.map((row) => row.id)) : new Set())}
        />
      )}
      {wide ? <AssignTable {...props} /> : <AssignList {...props} />}
      <ShowMore
        paging={paging}
        total={rows.length}
        label={(hidden) => t('supervisor.more', { count: hidden })}
      />
      <AssignForm
        chosen={chosen}
        data={data}
        onDone={(result) => {
          setOutcome(result);
          setSelected(new Set());
        }}
      />
    </>
  );
}

type ListProps = {
  rows: readonly AssignableEnterprise[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  wardName: (code: string) => string;
  assignee: (id: string | undefined) => string;
};

function AssignList({ rows, selected, onToggle, wardName, assignee }: ListProps) {
  return (
    <ul class="queue-list" aria-label={t('assignments.list')} data-testid="assignment-list">
      {rows.map((row) => (
        <li key={row.id}>
          <label class="queue-check">
            <input
              type="checkbox"
              checked={selected.has(row.id)}
              onChange={(event) => onToggle(row.id, event.currentTarget.checked)}
            />
            <span>
              <strong>{row.name}</strong>
              <br />
              <span class="muted">
                {wardName(row.wardCode)} · {assignee(row.assignedTo)}
              </span>
            </span>
          </label>
        </li>
      ))}
    </ul>
  );
}

function AssignTable({ rows, selected, onToggle, wardName, assignee }: ListProps) {
  return (
    <table class="desk-table" aria-label={t('assignments.list')} data-testid="assignment-list">
      <thead>
        <tr>
          <th scope="col">
            <span class="visually-hidden">{t('assignments.list')}</span>
          </th>
          <th scope="col">{t('assignments.col.name')}</th>
          <th scope="col">{t('assignments.col.ward')}</th>
          <th scope="col">{t('assignments.col.assignee')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <input
                type="checkbox"
                aria-label={t('assignments.select', { name: row.name })}
                checked={selected.has(row.id)}
                onChange={(event) => onToggle(row.id, event.currentTarget.checked)}
              />
            </td>
            <th scope="row">{row.name}</th>
            <td>{wardName(row.wardCode)}</td>
            <td>{assignee(row.assignedTo)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Outcome({ outcome, data }: { outcome: AssignmentResult; data: AssignmentData }) {
  const names = new Map(data.enterprises.map((e) => [e.id, e.name]));
  return (
    <BulkOutcome
      result={{ done: outcome.assigned.length, refused: outcome.refused }}
      doneText={t('assignments.assigned', { count: outcome.assigned.length })}
      refusedText={t('assignments.refused', { count: outcome.refused.length })}
      nameOf={(id) => names.get(id)}
      testId="assignment-outcome"
      always
    />
  );
}

function AssignForm(props: {
  chosen: readonly AssignableEnterprise[];
  data: AssignmentData;
  onDone: (result: AssignmentResult) => void;
}) {
  const actor = useActor();
  const [to, setTo] = useState('');
  const { form, issues, failure, submit } = useSaveForm();
  const count = props.chosen.length;
  const options = [
    ...assigneeOptions(props.data.people, props.chosen),
    { value: NOBODY, label: t('assignments.unassign') },
  ];
  const save = async (event: Event) => {
    event.preventDefault();
    const ids = props.chosen.map((row) => row.id);
    await submit({
      validate: () => {
        const found: Issue[] = [];
        if (count === 0) found.push(makeIssue('selection', 'error', 'admissions.noneSelected'));
        if (to === '') found.push(makeIssue('assignedTo', 'error', 'assignments.chooseAssignee'));
        // Wrapped: an undefined value would read as "not valid" (runSave).
        const choice = { assignedTo: to === NOBODY ? undefined : to };
        return found.length > 0 ? { issues: found } : { value: choice, issues: [] };
      },
      save: ({ assignedTo }) =>
        assignEnterprises(appDb(), actor, ids, assignedTo, props.data.people),
      done: (result) => {
        afterWrite();
        props.onDone(result);
      },
    });
  };
  return (
    <form class="decision-form" onSubmit={save} noValidate ref={form}>
      <IssueList issues={issuesFor(issues, 'selection')} />
      <SelectField
        id="assign-to"
        label={t('assignments.to')}
        value={to}
        emptyLabel=""
        required
        options={options}
        onValue={setTo}
        issues={issuesFor(issues, 'assignedTo')}
      />
      <FormFooter
        hasErrors={issues.some((issue) => issue.level === 'error')}
        failure={failure}
        actions={
          <button type="submit" class="button primary">
            {t('assignments.assign', { count })}
          </button>
        }
      />
    </form>
  );
}
