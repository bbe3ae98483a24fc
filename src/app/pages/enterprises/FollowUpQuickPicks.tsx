import { t } from '../../../shared/i18n';
import { formatDate } from '../../../shared/vn/core';

const DAYS = [3, 7, 14, 30] as const;

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** One tap for the usual follow-up intervals, so the visit log stays under 30 seconds. */
export function FollowUpQuickPicks(props: { from: string; onPick: (ddmmyyyy: string) => void }) {
  return (
    <fieldset class="chips quick-picks">
      <legend class="visually-hidden">{t('visit.quickFollowUp')}</legend>
      {DAYS.map((days) => (
        <button
          key={days}
          type="button"
          class="chip"
          onClick={() => props.onPick(formatDate(addDays(props.from, days)))}
        >
          {t('visit.inDays', { count: days })}
        </button>
      ))}
    </fieldset>
  );
}
