import { isSideState } from '../../../shared/domain';
import { formatCount, t } from '../../../shared/i18n';
import { enumLabel } from '../../labels';
import type { StageCount } from '../../pages/progress/funnel';
import { place } from './scale';

/*
 * Enterprises per stage: one bar per stage under its name, the pipeline in order then the side
 * states, drawn by the app. As with the year chart, the table carries the figures for screen
 * readers and the SVG is hidden from them.
 */

const WIDTH = 320;
const ROW = 34;
const BAR = 12;
const COUNT_ROOM = 44;

export function StageFunnel({ counts, id }: { counts: readonly StageCount[]; id: string }) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  const height = counts.length * ROW;
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class="chart-caption">
        {t('progress.funnel.caption')}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        class="chart-svg"
        aria-hidden="true"
        data-testid={`${id}-svg`}
      >
        {counts.map((c, i) => {
          const top = i * ROW;
          const length = place(c.count, max, 0, WIDTH - COUNT_ROOM);
          return (
            <g key={c.stage} data-stage={c.stage} data-value={c.count}>
              <text x={0} y={top + 13} class="chart-label">
                {enumLabel('stage', c.stage)}
              </text>
              <rect
                x={0}
                y={top + 17}
                width={Math.max(c.count > 0 ? 2 : 0, length)}
                height={BAR}
                rx={2}
                class={isSideState(c.stage) ? 'chart-bar side' : 'chart-bar'}
              />
              <text x={length + 4} y={top + 27} class="chart-value">
                {formatCount(c.count)}
              </text>
            </g>
          );
        })}
      </svg>
      <table class="visually-hidden" data-testid={`${id}-table`}>
        <caption>{t('progress.funnel.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('progress.funnel.stage')}</th>
            <th scope="col">{t('progress.funnel.count')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.stage} data-stage={c.stage}>
              <th scope="row">{enumLabel('stage', c.stage)}</th>
              <td data-value={c.count}>{formatCount(c.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
