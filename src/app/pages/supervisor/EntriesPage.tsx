import './supervisor.css';
import { useMemo, useState } from 'preact/hooks';
import {
  ENTRY_TABLES,
  type IndicatorEntryRow,
  listEntries,
  listUnits,
  type UnitRow,
} from '../../../db';
import { unitAndDescendants } from '../../../shared/domain/units';
import { formatCount, t } from '../../../shared/i18n';
import { LoadState } from '../../components/LoadState';
import { appDb } from '../../db';
import { formatDay } from '../../format';
import { SelectField } from '../../forms/fields';
import { useLoad } from '../../hooks/useLoad';
import { useWide } from '../../hooks/useWide';
import { enumLabel } from '../../labels';
import { onLinkClick } from '../../router';
import { entryUnitOptions } from './entry-form';
import { addSupervisorMessages } from './messages';
import { SupervisorPage, useActor } from './SupervisorTabs';

addSupervisorMessages();

async function loadEntries() {
  const db = appDb();
  const [entries, units] = await Promise.all([listEntries(db), listUnits(db)]);
  return { entries, units };
}

/** Biến động đoàn viên: the entries of the subtree, the latest first, and a way to add one. */
export function EntriesPage() {
  const data = useLoad(ENTRY_TABLES, loadEntries, []);
  return (
    <SupervisorPage tab="entries" action="record_entry">
      <h1>{t('entries.title')}</h1>
      <a class="button primary" href="/entries/new" onClick={onLinkClick}>
        {t('entries.add')}
      </a>
      <LoadState data={data}>{(loaded) => <EntryList {...loaded} />}</LoadState>
    </SupervisorPage>
  );
}

/** What an entry counts: its count, or an old adjustment's indicator and signed delta. */
export function entryAmount(entry: IndicatorEntryRow): string {
  if (entry.kind !== 'adjustment') return formatCount(entry.count);
  const delta = entry.delta > 0 ? `+${formatCount(entry.delta)}` : formatCount(entry.delta);
  return t('entries.adjustment', { indicator: enumLabel('indicator', entry.indicator), delta });
}

function EntryList({ entries, units }: { entries: IndicatorEntryRow[]; units: UnitRow[] }) {
  const actor = useActor();
  const wide = useWide();
  const [unitId, setUnitId] = useState('');
  const names = useMemo(() => new Map(units.map((unit) => [unit.id, unit.name])), [units]);
  const shown = useMemo(() => {
    if (unitId === '') return entries;
    const subtree = unitAndDescendants(units, unitId);
    return entries.filter((entry) => subtree.has(entry.unitId));
  }, [entries, units, unitId]);
  const cells = (entry: IndicatorEntryRow) => ({
    date: formatDay(entry.date),
    unit: names.get(entry.unitId) ?? '',
    kind: enumLabel('entry_kind', entry.kind),
    amount: entryAmount(entry),
    decision: entry.decision ? `${entry.decision.number} · ${formatDay(entry.decision.date)}` : '',
  });
  return (
    <>
      <SelectField
        id="entries-unit"
        label={t('entries.filter.unit')}
        value={unitId}
        emptyLabel={t('admissions.filter.all')}
        options={entryUnitOptions(actor, units)}
        onValue={setUnitId}
      />
      {shown.length === 0 && <p class="muted">{t('entries.none')}</p>}
      {shown.length > 0 && wide && (
        <table class="desk-table" aria-label={t('entries.list')} data-testid="entry-list">
          <thead>
            <tr>
              <th scope="col">{t('entries.col.date')}</th>
              <th scope="col">{t('entries.col.unit')}</th>
              <th scope="col">{t('entries.col.kind')}</th>
              <th scope="col" class="number">
                {t('entries.col.count')}
              </th>
              <th scope="col">{t('entries.col.decision')}</th>
              <th scope="col">{t('entries.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => {
              const cell = cells(entry);
              return (
                <tr key={entry.id}>
                  <td>
                    <a href={`/entries/${entry.id}`} onClick={onLinkClick}>
                      {cell.date}
                    </a>
                  </td>
                  <td>{cell.unit}</td>
                  <td>{cell.kind}</td>
                  <td class="number">{cell.amount}</td>
                  <td>{cell.decision}</td>
                  <td>{entry.note}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown.length > 0 && !wide && (
        <ul class="queue-list" aria-label={t('entries.list')} data-testid="entry-list">
          {shown.map((entry) => {
            const cell = cells(entry);
            return (
              <li key={entry.id}>
                <a href={`/entries/${entry.id}`} onClick={onLinkClick}>
                  <strong>{cell.kind}</strong>: {cell.amount}
                </a>
                <br />
                <span class="muted">
                  {cell.date} · {cell.unit}
                  {cell.decision && ` · ${cell.decision}`}
                </span>
                {entry.note && <p>{entry.note}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
