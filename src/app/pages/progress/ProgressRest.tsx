import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import type { ProgressVisit, Session } from '../../../db';
import { type Period, periodRange, periodYear, targetTotal } from '../../../shared/domain';
import { t } from '../../../shared/i18n';
import { INDICATORS, type Indicator } from '../../../shared/schemas';
import { StageFunnel } from '../../components/charts/StageFunnel';
import { YearChart } from '../../components/charts/YearChart';
import { SelectField } from '../../forms/fields';
import { enumLabel } from '../../labels';
import { onLinkClick } from '../../router';
import { MyActivity, OrganizerActivity } from './Activity';
import { activityByAuthor } from './activity';
import { Downloads } from './Downloads';
import { ownTargets, subtreeFacts } from './figures';
import { stageCounts } from './funnel';
import { reportHref } from './links';
import { MonthClosing } from './MonthClosing';
import type { PeriodChoice } from './period-choice';
import { reportMonth } from './period-choice';
import type { ProgressModel } from './progress-data';
import { downloadReport, monthlyReportPath } from './report-client';
import { SubUnits } from './SubUnits';
import { useStaged } from './staged';
import { yearSeries } from './year-series';

type Props = {
  model: ProgressModel;
  /** The period's visits, once read. */
  visits: ProgressVisit[] | undefined;
  session: Session;
  period: Period;
  choice: PeriodChoice;
  indicator: Indicator;
  onIndicator: (indicator: Indicator) => void;
  today: string;
  paceDate: string | undefined;
};

/** Everything below the headline, from the full read, drawn one section per task. */
export function ProgressRest(props: Props) {
  const { model, session, period } = props;
  const unitId = session.user.unitId;
  const supervisor = session.user.role !== 'organizer';
  const scope = useMemo(() => subtreeFacts(model.index, unitId), [model, unitId]);
  const sections: (() => JSX.Element | null)[] = [
    () => <ActivitySection {...props} unitIds={scope.unitIds} supervisor={supervisor} />,
    ...(supervisor
      ? [
          () => (
            <SubUnits
              index={model.index}
              parentId={unitId}
              period={period}
              choice={props.choice}
              indicator={props.indicator}
              date={props.paceDate}
            />
          ),
        ]
      : []),
    () => <ChartSection {...props} facts={scope.facts} />,
    () => (
      <section class="card" aria-labelledby="funnel-title">
        <h2 id="funnel-title">{t('progress.funnel.title')}</h2>
        <StageFunnel counts={stageCounts(model.records.enterprises, scope.unitIds)} id="funnel" />
      </section>
    ),
    () => <ReportSection {...props} />,
    () => {
      const { year, month } = reportMonth(period, props.today);
      return <MonthClosing session={session} year={year} month={month} />;
    },
  ];
  const shown = useStaged(sections.length, true);
  return (
    <>
      {sections.slice(0, shown).map((section, i) => (
        <Section key={i} draw={section} />
      ))}
      {shown < sections.length && (
        <p role="status" class="muted">
          {t('progress.loadingRest')}
        </p>
      )}
    </>
  );
}

function Section({ draw }: { draw: () => JSX.Element | null }) {
  return draw();
}

function ActivitySection(props: Props & { unitIds: ReadonlySet<string>; supervisor: boolean }) {
  const { model, visits, session, period } = props;
  const { from, to } = periodRange(period);
  const byAuthor = useMemo(
    () =>
      visits &&
      activityByAuthor({
        visits,
        signups: model.records.signups,
        enterpriseUnit: model.enterpriseUnit,
        unitIds: props.unitIds,
        period,
        selfId: session.user.id,
      }),
    // The period is a new object on every render: its first and last day say when it changed.
    [visits, model, props.unitIds, from, to, session.user.id],
  );
  if (byAuthor === undefined) {
    return (
      <p role="status" class="muted">
        {t('common.loading')}
      </p>
    );
  }
  const common = { unitId: session.user.unitId, choice: props.choice, session };
  return props.supervisor ? (
    <OrganizerActivity {...common} byAuthor={byAuthor} />
  ) : (
    <MyActivity {...common} records={byAuthor.get(session.user.id)} />
  );
}

function ChartSection(props: Props & { facts: Parameters<typeof yearSeries>[0] }) {
  const { model, session, indicator } = props;
  const year = periodYear(props.period);
  const target = targetTotal(ownTargets(model.index, session.user.unitId), year, indicator);
  const series = yearSeries(props.facts, indicator, year, target, props.today);
  return (
    <section class="card" aria-labelledby="chart-title">
      <h2 id="chart-title">{t('progress.chart.title', { year })}</h2>
      <SelectField
        id="chart-indicator"
        label={t('progress.chart.indicator')}
        {...(session.user.role === 'organizer' ? {} : { hint: t('progress.chart.indicatorHint') })}
        value={indicator}
        options={INDICATORS.map((value) => ({ value, label: enumLabel('indicator', value) }))}
        onValue={(value) => {
          if (value !== '') props.onIndicator(value);
        }}
      />
      <YearChart series={series} id="year-chart" />
    </section>
  );
}

function ReportSection(props: Props) {
  const { session } = props;
  const { year, month } = reportMonth(props.period, props.today);
  const unitId = session.user.unitId;
  const name = `bao-cao-thang-${month}-${year}`;
  const file = (format: 'xlsx' | 'csv', label: string) => ({
    id: format,
    label,
    fetch: () =>
      downloadReport(
        session.token,
        monthlyReportPath(unitId, year, month, format),
        `${name}.${format}`,
      ),
  });
  return (
    <section class="card" aria-labelledby="report-title" data-testid="report-links">
      <h2 id="report-title">{t('progress.report.title', { month, year })}</h2>
      <Downloads
        files={[file('xlsx', t('progress.report.xlsx')), file('csv', t('progress.report.csv'))]}
      >
        <a class="button" href={reportHref(unitId, year, month)} onClick={onLinkClick}>
          {t('progress.report.print')}
        </a>
      </Downloads>
    </section>
  );
}
