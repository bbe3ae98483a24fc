import { Component } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { EnterpriseIndexRow, EnterpriseSearch } from '../../../db';
import { t } from '../../../shared/i18n';
import { STAGES, type Stage } from '../../../shared/schemas/enums';
import { VirtualList } from '../../components/VirtualList';
import { useFirstScreenDrawn } from '../../first-screen';
import { SelectField, TextField } from '../../forms/fields';
import { useAdminUnits } from '../../hooks/useAdminUnits';
import { FIRST_SCREEN_ROWS, useEnterpriseIndex } from '../../hooks/useEnterpriseIndex';
import { type SearchResults, useEnterpriseSearch } from '../../hooks/useEnterpriseSearch';
import { today } from '../../ids';
import { enumLabel, enumOptions } from '../../labels';
import { preloadEnterpriseDetail } from '../../preload';
import { onLinkClick, onLinkClickAfter } from '../../router';
import { EnterpriseDetailPage } from '../../screens';
import { useSession } from '../../session';

/** Two lines of name and two of stage, workers and union status (styles.css `.virtual-row`). */
const ROW_HEIGHT = 82;

type Filters = {
  query: string;
  stage: Stage | '';
  wardCode: string;
  largeWithoutUnion: boolean;
  mine: boolean;
  followUpDue: boolean;
};

const NO_FILTERS: Filters = {
  query: '',
  stage: '',
  wardCode: '',
  largeWithoutUnion: false,
  mine: false,
  followUpDue: false,
};

export function EnterprisesPage() {
  const session = useSession();
  const { index, firstScreen } = useEnterpriseIndex();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const set = (patch: Partial<Filters>) => setFilters((old) => ({ ...old, ...patch }));
  // The ward choices (every ward of the index, named from the administrative units, the app's
  // largest data) are made once the filters are opened, not on every start of the list.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const adminUnits = useAdminUnits(filtersOpen);
  const wards = useMemo(() => {
    if (!filtersOpen) return [];
    const codes = new Set((index ?? []).map((row) => row.wardCode));
    return [...codes].map((code) => ({
      value: code,
      label: adminUnits?.findWard(code)?.name ?? code,
    }));
  }, [index, adminUnits, filtersOpen]);

  const search = useMemo<EnterpriseSearch>(
    () => ({
      query: filters.query,
      ...(filters.stage ? { stage: filters.stage } : {}),
      ...(filters.wardCode ? { wardCode: filters.wardCode } : {}),
      ...(filters.largeWithoutUnion ? { largeWithoutUnion: true } : {}),
      ...(filters.mine ? { assignedTo: session.user.id } : {}),
      ...(filters.followUpDue ? { followUpDue: today() } : {}),
    }),
    [filters, session.user.id],
  );
  const searched = useEnterpriseSearch(index, search, FIRST_SCREEN_ROWS);
  // Before the index is read, the list without a search is its first screen: as tall as every
  // row, the rows on screen there, busy only when scrolled below them (the rest comes with the
  // index).
  const first = index === undefined && firstScreen !== undefined && unfiltered(filters);
  const results: SearchResults =
    first && firstScreen !== undefined
      ? { rows: firstScreen.rows, complete: true, count: firstScreen.total }
      : searched;
  useFirstScreenDrawn(index !== undefined || firstScreen !== undefined);

  return (
    <section class="page">
      <div class="page-head">
        <h1>{t('page.enterprises')}</h1>
        <a class="button primary" href="/enterprises/new" onClick={onLinkClick}>
          {t('enterprise.new')}
        </a>
      </div>
      <TextField
        id="enterprise-search"
        label={t('enterprise.search')}
        type="search"
        hideLabel
        value={filters.query}
        onValue={(query) => set({ query })}
        placeholder={t('enterprise.searchPlaceholder')}
      />
      <details
        class="filters"
        onToggle={(event) => setFiltersOpen((event.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>{t('enterprise.filters')}</summary>
        {filtersOpen && <FilterFields filters={filters} set={set} wards={wards} />}
      </details>
      <p class="muted list-count" aria-live="polite" data-testid="enterprise-count">
        {results.count === undefined
          ? t('common.loading')
          : t('enterprise.count', { count: results.count })}
      </p>
      {results.count === 0 && filters.query.trim() !== '' && (
        <NoMatch query={filters.query.trim()} />
      )}
      <VirtualList
        items={results.rows}
        busy={!results.complete}
        // As tall as the count: all the rows before the index is read, and until a search is
        // complete the last complete one's (the page's height does not change twice a keystroke).
        total={results.count}
        rowHeight={ROW_HEIGHT}
        label={t('page.enterprises')}
        renderRow={(row) => <EnterpriseRow row={row} />}
      />
    </section>
  );
}

/**
 * The filters' fields, made only while the filters are open: closed, they were a quarter of the
 * page's elements (30 of 123), made and styled at every start of the list.
 */
function FilterFields({
  filters,
  set,
  wards,
}: {
  filters: Filters;
  set: (patch: Partial<Filters>) => void;
  wards: { value: string; label: string }[];
}) {
  return (
    <>
      <SelectField
        id="filter-stage"
        label={t('field.stage')}
        value={filters.stage}
        emptyLabel={t('common.all')}
        options={enumOptions('stage', STAGES)}
        onValue={(stage) => set({ stage })}
      />
      <SelectField
        id="filter-ward"
        label={t('field.wardCode')}
        value={filters.wardCode}
        emptyLabel={t('common.all')}
        options={wards}
        onValue={(wardCode) => set({ wardCode })}
      />
      <div class="chips">
        <Toggle
          id="filter-large"
          label={t('enterprise.filterLarge')}
          on={filters.largeWithoutUnion}
          set={(v) => set({ largeWithoutUnion: v })}
        />
        <Toggle
          id="filter-mine"
          label={t('enterprise.filterMine')}
          on={filters.mine}
          set={(v) => set({ mine: v })}
        />
        <Toggle
          id="filter-due"
          label={t('enterprise.filterDue')}
          on={filters.followUpDue}
          set={(v) => set({ followUpDue: v })}
        />
      </div>
    </>
  );
}

function unfiltered(filters: Filters): boolean {
  return (Object.keys(NO_FILTERS) as (keyof Filters)[]).every(
    (key) => filters[key] === NO_FILTERS[key],
  );
}

/**
 * A row of the list, drawn again only when the enterprise at its place changed: a keystroke that
 * narrows the search often keeps the first rows, and scrolling keeps the rows still on screen;
 * their labels (stage, workers, union) cost a slow phone a few milliseconds a screen to format
 * again (npm run bench, search). The language's switch redraws the whole app.
 */
class EnterpriseRow extends Component<{ row: EnterpriseIndexRow }> {
  override shouldComponentUpdate(next: { row: EnterpriseIndexRow }): boolean {
    return next.row !== this.props.row;
  }

  override render() {
    const { row } = this.props;
    return (
      <a class="list-row" href={`/enterprises/${row.id}`} onClick={openEnterprise(row.id)}>
        <span class="row-title">{row.name}</span>
        <span class="row-meta">
          {[
            enumLabel('stage', row.stage),
            row.workerCount === undefined
              ? undefined
              : t('enterprise.workers', { count: row.workerCount }),
            enumLabel('union_status', row.unionStatus),
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </a>
    );
  }
}

/** A search that found nothing says so, and offers to register the enterprise by that name. */
function NoMatch({ query }: { query: string }) {
  return (
    <div class="card" data-testid="no-match">
      <p>{t('enterprise.noMatch', { query })}</p>
      <a
        class="button primary"
        href={`/enterprises/new?${new URLSearchParams({ name: query })}`}
        onClick={onLinkClick}
      >
        {t('enterprise.registerNamed', { query })}
      </a>
    </div>
  );
}

/** Opens the page with its data and code at hand: one frame, no "loading" first. */
const openEnterprise = (id: string) =>
  onLinkClickAfter(() =>
    Promise.all([preloadEnterpriseDetail(id), EnterpriseDetailPage.preload()]),
  );

function Toggle(props: { id: string; label: string; on: boolean; set: (on: boolean) => void }) {
  return (
    <label class="chip" for={props.id}>
      <input
        id={props.id}
        type="checkbox"
        checked={props.on}
        onChange={(event) => props.set((event.currentTarget as HTMLInputElement).checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}
