import { quarterOf } from '../../../shared/domain';
import { formatCount, t } from '../../../shared/i18n';
import { SelectField } from '../../forms/fields';
import { PERIOD_KINDS, type PeriodChoice, type PeriodKind } from './period-choice';

type Props = { choice: PeriodChoice; today: string; onChoice: (choice: PeriodChoice) => void };

/** A new kind of period starts at today's month, quarter, year or date. */
function startOf(kind: PeriodKind, today: string): PeriodChoice {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (kind) {
    case 'thisMonth':
      return { kind };
    case 'month':
      return { kind, year, month };
    case 'quarter':
      return { kind, year, quarter: quarterOf(month) };
    case 'ytd':
      return { kind, year };
    case 'cutoff':
      return { kind, date: today };
  }
}

function yearOptions(today: string, chosen: number | undefined) {
  const year = Number(today.slice(0, 4));
  const years = new Set([year, year - 1, year - 2, ...(chosen === undefined ? [] : [chosen])]);
  return [...years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The period of the progress figures: kind, then its month, quarter, year or cut-off date. */
export function PeriodPicker({ choice, today, onChoice }: Props) {
  const year = 'year' in choice ? choice.year : undefined;
  const setYear = (value: string) => {
    if ('year' in choice && value !== '') onChoice({ ...choice, year: Number(value) });
  };
  return (
    <fieldset class="card period-picker">
      <legend>{t('progress.period.legend')}</legend>
      <SelectField
        id="period-kind"
        label={t('progress.period.kind')}
        value={choice.kind}
        options={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`progress.period.${kind}`) }))}
        onValue={(kind) => kind !== '' && onChoice(startOf(kind, today))}
      />
      <div class="period-details">
        {year !== undefined && (
          <SelectField
            id="period-year"
            label={t('progress.period.year')}
            value={String(year)}
            options={yearOptions(today, year)}
            onValue={setYear}
          />
        )}
        {choice.kind === 'month' && (
          <SelectField
            id="period-month"
            label={t('progress.period.month')}
            value={String(choice.month)}
            options={MONTHS.map((m) => ({
              value: String(m),
              label: t('progress.period.monthOption', { month: formatCount(m) }),
            }))}
            onValue={(m) => m !== '' && onChoice({ ...choice, month: Number(m) })}
          />
        )}
        {choice.kind === 'quarter' && (
          <SelectField
            id="period-quarter"
            label={t('progress.period.quarter')}
            value={String(choice.quarter)}
            options={[1, 2, 3, 4].map((q) => ({
              value: String(q),
              label: t('progress.period.quarterOption', { quarter: q }),
            }))}
            onValue={(q) =>
              q !== '' && onChoice({ ...choice, quarter: Number(q) as 1 | 2 | 3 | 4 })
            }
          />
        )}
        {choice.kind === 'cutoff' && (
          <div class="field">
            <label for="period-date">{t('progress.period.date')}</label>
            <input
              id="period-date"
              type="date"
              value={choice.date}
              max={today}
              onChange={(event) => {
                const date = (event.currentTarget as HTMLInputElement).value;
                if (date !== '') onChoice({ kind: 'cutoff', date });
              }}
            />
          </div>
        )}
      </div>
    </fieldset>
  );
}
