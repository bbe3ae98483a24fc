import { expectedShare, formatIndicatorProgress, type Period } from '../../../shared/domain';
import { formatCount, t } from '../../../shared/i18n';
import type { Indicator } from '../../../shared/schemas';
import { formatDay } from '../../format';
import { type FactIndex, rankedSubUnits, type SubUnitRow } from './figures';
import type { PeriodChoice } from './period-choice';
import { FigureList, TargetsMet } from './UnitHeadline';

type Props = {
  index: FactIndex;
  parentId: string;
  period: Period;
  choice: PeriodChoice;
  indicator: Indicator;
  /** The pace's date (undefined for a period not begun). */
  date: string | undefined;
};

function points(gap: number): string {
  const sign = gap > 0 ? '+' : '';
  return `${sign}${formatCount(gap)}`;
}

/** The direct sub-units, furthest behind the pace of the year first. */
export function SubUnits({ index, parentId, period, choice, indicator, date }: Props) {
  const rows = rankedSubUnits(index, parentId, period, indicator, date);
  if (rows.length === 0) return null;
  const share = date === undefined ? undefined : expectedShare(date);
  return (
    <section class="card" aria-labelledby="subunits-title" data-testid="sub-units">
      <h2 id="subunits-title">{t('progress.subUnits.title')}</h2>
      {date !== undefined && share !== undefined && (
        <p class="muted">
          {t('progress.subUnits.intro', {
            indicator: t(`indicator.${indicator}`),
            pace: formatCount(Math.round(share * 10_000) / 100),
            date: formatDay(date),
          })}
        </p>
      )}
      <ol class="plain-list sub-units">
        {rows.map((row) => (
          <SubUnit key={row.unitId} row={row} choice={choice} />
        ))}
      </ol>
    </section>
  );
}

function SubUnit({ row, choice }: { row: SubUnitRow; choice: PeriodChoice }) {
  const { pace } = row;
  const status = pace === undefined ? 'none' : pace.behind ? 'behind' : 'onPace';
  return (
    <li class="sub-unit" data-testid="sub-unit" data-unit={row.unitId} data-status={status}>
      <div class="sub-unit-head">
        <h3>{row.name}</h3>
        <span class={`pace-mark ${status}`}>{t(`progress.pace.${status}`)}</span>
      </div>
      {pace !== undefined && (
        <p class="pace-line">
          {t('progress.pace.detail', {
            result: formatIndicatorProgress(pace.actual, pace.target),
            expected: formatCount(Math.round(pace.expected)),
            gap: points(pace.gap),
          })}
        </p>
      )}
      <TargetsMet figures={row} />
      <details>
        <summary>{t('progress.subUnits.all')}</summary>
        <FigureList figures={row} choice={choice} />
      </details>
    </li>
  );
}
