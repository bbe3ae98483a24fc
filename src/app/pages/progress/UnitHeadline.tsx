import { type Period, periodLabel, TOTALS } from '../../../shared/domain';
import { formatCount, t } from '../../../shared/i18n';
import { formatDay } from '../../format';
import { onLinkClick } from '../../router';
import { type FactIndex, subtreeTotals, type UnitFigures, unitFigures } from './figures';
import { indicatorRecordsHref } from './links';
import type { PeriodChoice } from './period-choice';

type Props = {
  index: FactIndex;
  unitId: string;
  period: Period;
  choice: PeriodChoice;
  /** The end of the period, or today while it runs: the totals' date. */
  asOf: string | undefined;
};

/** A unit's subtree in the period: every indicator as `x/y (z%)`, each opening its records. */
export function UnitHeadline({ index, unitId, period, choice, asOf }: Props) {
  const figures = unitFigures(index, unitId, period);
  return (
    <section class="card" aria-labelledby="headline-title" data-testid="headline">
      <h2 id="headline-title">
        {figures.name || t('progress.unit.unnamed')} · {periodLabel(period)}
      </h2>
      <TargetsMet figures={figures} />
      <FigureList figures={figures} choice={choice} />
      {asOf !== undefined && <Totals index={index} unitId={unitId} date={asOf} />}
    </section>
  );
}

export function TargetsMet({ figures }: { figures: UnitFigures }) {
  const { met, total } = figures.met;
  if (total === 0) return <p class="muted">{t('progress.targets.none')}</p>;
  return (
    <p class="targets-met" data-testid="targets-met">
      {t('progress.targets.met', { met: formatCount(met), total: formatCount(total) })}
    </p>
  );
}

export function FigureList({ figures, choice }: { figures: UnitFigures; choice: PeriodChoice }) {
  return (
    <ul class="figure-list">
      {figures.results.map((result) => {
        const label = t(`indicator.${result.indicator}`);
        const reached =
          result.target !== undefined && result.target > 0 && result.actual >= result.target;
        return (
          <li key={result.indicator}>
            <a
              class="figure-row"
              href={indicatorRecordsHref(figures.unitId, choice, result.indicator)}
              onClick={onLinkClick}
              data-indicator={result.indicator}
            >
              <span class="figure-label">{label}</span>
              <span class={reached ? 'figure-value reached' : 'figure-value'}>
                {result.display}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

function Totals({ index, unitId, date }: { index: FactIndex; unitId: string; date: string }) {
  const totals = subtreeTotals(index, unitId, date);
  return (
    <>
      <p class="totals-title">{t('progress.totals.title', { date: formatDay(date) })}</p>
      <dl class="totals">
        {TOTALS.map((total) => (
          <div key={total} class="total">
            <dt>{t(`total.${total}`)}</dt>
            <dd>{formatCount(totals[total])}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
