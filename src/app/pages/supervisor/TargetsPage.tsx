import './supervisor.css';
import { useMemo, useState } from 'preact/hooks';
import { loadTargetTable, saveTargets, TARGET_TABLES, type TargetTableData } from '../../../db';
import { todayInVietnam } from '../../../shared/domain/dates';
import { unitsInReach } from '../../../shared/domain/roles';
import { formatCount, t } from '../../../shared/i18n';
import { INDICATORS } from '../../../shared/schemas';
import { LoadState } from '../../components/LoadState';
import { appDb } from '../../db';
import { FormFooter } from '../../forms/FormFooter';
import { IssueList, issuesFor, SelectField } from '../../forms/fields';
import { useSaveForm } from '../../forms/useSaveForm';
import { useLoad } from '../../hooks/useLoad';
import { enumLabel } from '../../labels';
import { afterWrite } from '../../sync-scheduler';
import { addSupervisorMessages } from './messages';
import { byVietnameseName } from './names';
import { SupervisorPage, useActor } from './SupervisorTabs';
import {
  type Cells,
  cellChanges,
  cellKey,
  copyLastYear,
  gridUnits,
  initialCells,
  splitOf,
} from './target-grid';

addSupervisorMessages();

/** Chỉ tiêu: the year's targets of a unit and the units below it, in one table. */
export function TargetsPage() {
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const data = useLoad(TARGET_TABLES, () => loadTargetTable(appDb(), year), [year]);
  const years = [thisYear - 1, thisYear, thisYear + 1].map((y) => ({
    value: String(y),
    label: String(y),
  }));
  return (
    <SupervisorPage tab="targets" action="set_target">
      <h1>{t('targets.title')}</h1>
      <SelectField
        id="targets-year"
        label={t('targets.year')}
        value={String(year)}
        options={years}
        onValue={(value) => setYear(Number(value))}
      />
      <LoadState data={data}>
        {(loaded) => <TargetTable key={year} data={loaded} year={year} />}
      </LoadState>
    </SupervisorPage>
  );
}

function TargetTable({ data, year }: { data: TargetTableData; year: number }) {
  const actor = useActor();
  const unitOptions = useMemo(() => {
    const reach = unitsInReach(actor, 'set_target', data.units);
    const options = data.units
      .filter((u) => reach.has(u.id))
      .map((u) => ({ value: u.id, label: u.name }));
    return byVietnameseName(options);
  }, [data.units, actor]);
  const [unitId, setUnitId] = useState(actor.unitId);
  const rows = gridUnits(data.units, unitId);
  const unitIds = rows.map((unit) => unit.id);
  const [cells, setCells] = useState<Cells>(() => initialCells(data.targets, unitIds, year));
  const [notice, setNotice] = useState('');
  const { form, issues, failure, submit } = useSaveForm();
  const split = splitOf(data.units, cells, unitId, year);
  const short = split.filter((s) => s.short);

  const chooseUnit = (next: string) => {
    setUnitId(next);
    const ids = gridUnits(data.units, next).map((unit) => unit.id);
    setCells(initialCells(data.targets, ids, year));
    setNotice('');
  };
  const copy = () => {
    const copied = copyLastYear(cells, data.targets, unitIds, year);
    setCells(copied.cells);
    setNotice(t('targets.copied', { count: copied.copied }));
  };
  const save = async (event: Event) => {
    event.preventDefault();
    await submit({
      validate: () => ({ value: cellChanges(cells, unitIds, year), issues: [] }),
      save: (changes) => saveTargets(appDb(), actor, changes),
      done: (count) => {
        afterWrite();
        setNotice(t('targets.saved', { count }));
      },
    });
  };

  return (
    <form onSubmit={save} noValidate ref={form}>
      <SelectField
        id="targets-unit"
        label={t('targets.unit')}
        value={unitId}
        options={unitOptions}
        onValue={(next) => next && chooseUnit(next)}
      />
      {rows.length < 2 && <p class="muted">{t('targets.noSubUnits')}</p>}
      <div class="table-scroll">
        <table class="desk-table" data-testid="target-table">
          <caption class="visually-hidden">{t('targets.table', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('targets.col.unit')}</th>
              {INDICATORS.map((indicator) => (
                <th scope="col" class="number" key={indicator}>
                  {enumLabel('indicator', indicator)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((unit, index) => (
              <tr key={unit.id}>
                <th scope="row">
                  {index === 0 ? t('targets.own', { name: unit.name }) : unit.name}
                </th>
                {INDICATORS.map((indicator) => {
                  const key = cellKey(unit.id, indicator);
                  const cellIssues = issuesFor(issues, key);
                  return (
                    <td class="number" key={indicator}>
                      <input
                        class="cell-input"
                        inputMode="numeric"
                        aria-label={t('targets.cell', {
                          indicator: enumLabel('indicator', indicator),
                          unit: unit.name,
                        })}
                        aria-invalid={
                          cellIssues.some((i) => i.level === 'error') ? 'true' : undefined
                        }
                        value={cells[key] ?? ''}
                        onInput={(event) =>
                          setCells({ ...cells, [key]: event.currentTarget.value })
                        }
                      />
                      <IssueList issues={cellIssues} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          {rows.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row">{t('targets.handedDown')}</th>
                {split.map((s) => (
                  <td class="number" key={s.indicator} data-testid={`handed-down-${s.indicator}`}>
                    {formatCount(s.handedDown)}
                    {s.short && s.own !== undefined && (
                      <span class="short-warning">
                        <br />
                        {t('targets.short', { count: s.own - s.handedDown })}
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {short.length > 0 && (
        <p class="short-warning" role="status" data-testid="targets-short">
          {t('targets.shortSummary', { count: short.length })}
        </p>
      )}
      {notice && (
        <p role="status" data-testid="targets-notice">
          {notice}
        </p>
      )}
      <FormFooter
        hasErrors={issues.some((issue) => issue.level === 'error')}
        failure={failure}
        actions={
          <>
            <button type="submit" class="button primary">
              {t('targets.save')}
            </button>
            <button type="button" class="button" onClick={copy}>
              {t('targets.copy', { year: year - 1 })}
            </button>
          </>
        }
      />
    </form>
  );
}
