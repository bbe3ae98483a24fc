import './progress.css';
import { useState } from 'preact/hooks';
import { todayInVietnam } from '../../../shared/domain';
import { t } from '../../../shared/i18n';
import { INDICATORS, type Indicator } from '../../../shared/schemas';
import { LoadState } from '../../components/LoadState';
import { useLoad } from '../../hooks/useLoad';
import { useSession } from '../../session';
import { progressHref } from './links';
import { addProgressMessages } from './messages';
import { PeriodPicker } from './PeriodPicker';
import { ProgressRest } from './ProgressRest';
import { ProgressTabs } from './ProgressTabs';
import {
  decodeChoice,
  headlineDates,
  type PeriodChoice,
  THIS_MONTH,
  toPeriod,
} from './period-choice';
import {
  FACT_TABLES,
  keptModel,
  readHeadline,
  readProgressModel,
  readVisitsAround,
} from './progress-data';
import { UnitHeadline } from './UnitHeadline';

addProgressMessages();

type ViewState = { choice: PeriodChoice; indicator: Indicator };

function isIndicator(value: string | null): value is Indicator {
  return (INDICATORS as readonly (string | null)[]).includes(value);
}

/** The period and indicator the address names (back from a figure's records), else defaults. */
function stateFromAddress(): ViewState {
  const query = new URLSearchParams(location.search);
  const indicator = query.get('i');
  return {
    choice: decodeChoice(query.get('p')) ?? THIS_MONTH,
    indicator: isIndicator(indicator) ? indicator : 'new_members',
  };
}

/**
 * Tiến độ: the figures of the user's unit against its targets, offline, from the last pull. The
 * headline comes first from a narrow read; the sub-units, organizers, chart and funnel follow
 * from the full read, one section per task.
 */
export function ProgressPage() {
  const session = useSession();
  const today = todayInVietnam();
  const [view, setView] = useState(stateFromAddress);
  const update = (next: ViewState) => {
    setView(next);
    history.replaceState(null, '', progressHref(next.choice, next.indicator));
  };
  const period = toPeriod(view.choice, today);
  // The same days as the read started with the tap (prefetch.ts).
  const { from, to, asOf } = headlineDates(view.choice, today);
  const unitId = session.user.unitId;
  const headline = useLoad(
    FACT_TABLES,
    () => readHeadline(session, { from, to, asOf }),
    [from, to, asOf],
    keptModel,
  );
  const model = useLoad(FACT_TABLES, readProgressModel, [], keptModel);
  const visits = useLoad(['visits'], () => readVisitsAround(from, to), [from, to]);
  return (
    <section class="page progress-page">
      <h1>{t('page.progress')}</h1>
      <ProgressTabs current="figures" />
      <PeriodPicker
        choice={view.choice}
        today={today}
        onChoice={(choice) => update({ ...view, choice })}
      />
      <LoadState data={headline}>
        {(value) => (
          <UnitHeadline
            index={value.index}
            unitId={unitId}
            period={period}
            choice={view.choice}
            asOf={asOf}
          />
        )}
      </LoadState>
      {headline.load.status === 'ready' && (
        <LoadState data={model}>
          {(value) => (
            <ProgressRest
              model={value}
              visits={visits.load.status === 'ready' ? visits.load.value : undefined}
              session={session}
              period={period}
              choice={view.choice}
              indicator={view.indicator}
              onIndicator={(indicator) => update({ ...view, indicator })}
              today={today}
              paceDate={asOf}
            />
          )}
        </LoadState>
      )}
    </section>
  );
}
