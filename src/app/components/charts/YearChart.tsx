import { formatCount, t } from '../../../shared/i18n';
import type { YearSeries } from '../../pages/progress/year-series';
import { niceTop, place, ticks } from './scale';

/*
 * The year's cumulative result month by month against the target line and the pace line, drawn
 * by the app (no chart library on the phone). The SVG is a picture for the eye; its figures are
 * the table beside it, which is what a screen reader reads (the SVG is hidden from it).
 */

const WIDTH = 320;
const HEIGHT = 200;
const LEFT = 44;
const RIGHT = 10;
const TOP = 12;
const BOTTOM = 176;

const x = (month: number) => place(month - 0.5, 12, LEFT, WIDTH - RIGHT);

type Point = { month: number; value: number };

function path(points: readonly Point[], y: (value: number) => number): string {
  return points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.month).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(' ');
}

/** The value axis: 0 to a round top, and down to a round bottom when a net figure fell. */
function axis(values: readonly number[]): { low: number; high: number } {
  const lowest = Math.min(0, ...values);
  const low = lowest < 0 ? -niceTop(-lowest) : 0;
  return { low, high: niceTop(Math.max(1, ...values)) };
}

export function YearChart({ series, id }: { series: YearSeries; id: string }) {
  const actual = series.points.flatMap((p) =>
    p.cumulative === undefined ? [] : [{ month: p.month, value: p.cumulative }],
  );
  const pace = series.points.flatMap((p) =>
    p.pace === undefined ? [] : [{ month: p.month, value: p.pace }],
  );
  const { low, high } = axis([series.target ?? 0, ...actual.map((p) => p.value)]);
  const y = (value: number) => place(value - low, high - low, BOTTOM, TOP);
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class="chart-caption">
        {t('progress.chart.caption', {
          indicator: t(`indicator.${series.indicator}`),
          year: series.year,
        })}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        class="chart-svg"
        aria-hidden="true"
        data-testid={`${id}-svg`}
      >
        {ticks(low, high).map((tick) => (
          <g key={tick} class="chart-grid">
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 4} y={y(tick) + 4} text-anchor="end">
              {formatCount(tick)}
            </text>
          </g>
        ))}
        {series.points.map((p) => (
          <text key={p.month} x={x(p.month)} y={HEIGHT - 8} text-anchor="middle" class="chart-axis">
            {formatCount(p.month)}
          </text>
        ))}
        {series.target !== undefined && (
          <line
            class="chart-target"
            x1={LEFT}
            x2={WIDTH - RIGHT}
            y1={y(series.target)}
            y2={y(series.target)}
          />
        )}
        {pace.length > 0 && <path class="chart-pace" d={path(pace, y)} />}
        {actual.length > 0 && <path class="chart-actual" d={path(actual, y)} />}
        {actual.map((p) => (
          <circle
            key={p.month}
            class="chart-dot"
            cx={x(p.month)}
            cy={y(p.value)}
            r={3}
            data-month={p.month}
            data-value={p.value}
          />
        ))}
      </svg>
      <ul class="chart-legend" aria-hidden="true">
        <li>
          <span class="swatch swatch-actual" />
          {t('progress.chart.actual')}
        </li>
        {series.target !== undefined && (
          <>
            <li>
              <span class="swatch swatch-pace" />
              {t('progress.chart.pace')}
            </li>
            <li>
              <span class="swatch swatch-target" />
              {t('progress.chart.target', { target: formatCount(series.target) })}
            </li>
          </>
        )}
      </ul>
      <YearTable series={series} id={id} />
    </figure>
  );
}

function YearTable({ series, id }: { series: YearSeries; id: string }) {
  return (
    <table class="visually-hidden" data-testid={`${id}-table`}>
      <caption>
        {t('progress.chart.tableCaption', {
          indicator: t(`indicator.${series.indicator}`),
          year: series.year,
        })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('progress.chart.month')}</th>
          <th scope="col">{t('progress.chart.actual')}</th>
          <th scope="col">{t('progress.chart.pace')}</th>
          <th scope="col">{t('progress.chart.targetColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {series.points.map((p) => (
          <tr key={p.month} data-month={p.month}>
            <th scope="row">
              {t('progress.chart.monthOf', { month: p.month, year: series.year })}
            </th>
            <td data-value={p.cumulative}>
              {p.cumulative === undefined ? '–' : formatCount(p.cumulative)}
            </td>
            <td>{p.pace === undefined ? '–' : formatCount(Math.round(p.pace))}</td>
            <td>{series.target === undefined ? '–' : formatCount(series.target)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
