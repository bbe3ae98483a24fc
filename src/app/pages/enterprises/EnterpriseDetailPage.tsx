import { ENTERPRISE_DETAIL_TABLES, loadEnterpriseDetail } from '../../../db';
import { applicationsStillNeeded } from '../../../shared/domain';
import { t } from '../../../shared/i18n';
import { formatDate, formatNumber } from '../../../shared/vn/core';
import { appDb } from '../../db';
import { useAdminUnits } from '../../hooks/useAdminUnits';
import { useTablesRead } from '../../hooks/useLive';
import { enumLabel, fieldName } from '../../labels';
import { takePreloadedDetail } from '../../preload';
import { onLinkClick } from '../../router';

function Fact({ label, value }: { label: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

export function EnterpriseDetailPage({ id }: { id: string }) {
  const detail = useTablesRead(
    ENTERPRISE_DETAIL_TABLES,
    () => loadEnterpriseDetail(appDb(), id),
    [id],
    () => takePreloadedDetail(id),
  );
  const units = useAdminUnits();
  if (!detail.value) return <p>{t('common.loading')}</p>;
  const { enterprise: e, visits, applications } = detail.value;
  if (!e) return <p>{t('enterprise.notFound')}</p>;
  const needed = applicationsStillNeeded(Math.max(applications, e.memberCount ?? 0));
  const stageChanges = visits.filter((v) => v.stageAfter && v.stageAfter !== v.stageBefore);
  const ward = units?.findWard(e.wardCode)?.name;

  return (
    <section class="page">
      <h1>{e.name}</h1>
      <p class="stage-badge" data-testid="enterprise-stage">
        {enumLabel('stage', e.stage)}
      </p>
      <div class="form-actions">
        <a class="button primary" href={`/enterprises/${e.id}/visit`} onClick={onLinkClick}>
          {t('visit.log')}
        </a>
        <a class="button" href={`/signups/new?enterprise=${e.id}`} onClick={onLinkClick}>
          {t('signup.collect')}
        </a>
        <a class="button" href={`/enterprises/${e.id}/edit`} onClick={onLinkClick}>
          {t('common.edit')}
        </a>
      </div>
      <section class="card" aria-labelledby="apps-title">
        <h2 id="apps-title">{t('enterprise.applications')}</h2>
        <p data-testid="applications-count">
          {t('enterprise.applicationsCount', { count: formatNumber(applications) })}{' '}
          {needed > 0
            ? t('enterprise.applicationsNeeded', { count: needed })
            : t('enterprise.applicationsEnough')}
        </p>
        <p>
          {fieldName('nextFollowUp')}:{' '}
          {e.nextFollowUp ? formatDate(e.nextFollowUp) : t('common.none')}
        </p>
      </section>
      <section class="card below-fold" aria-labelledby="facts-title">
        <h2 id="facts-title">{t('enterprise.facts')}</h2>
        <dl class="facts">
          <Fact label={fieldName('taxCode')} value={e.taxCode} />
          <Fact label={fieldName('ownership')} value={enumLabel('ownership', e.ownership)} />
          <Fact label={fieldName('sector')} value={e.sector} />
          <Fact label={fieldName('address')} value={[e.address, ward].filter(Boolean).join(', ')} />
          <Fact label={fieldName('industrialPark')} value={e.industrialPark} />
          <Fact
            label={fieldName('workerCount')}
            value={e.workerCount === undefined ? undefined : formatNumber(e.workerCount)}
          />
          <Fact
            label={fieldName('femaleWorkerCount')}
            value={
              e.femaleWorkerCount === undefined ? undefined : formatNumber(e.femaleWorkerCount)
            }
          />
          <Fact
            label={fieldName('memberCount')}
            value={e.memberCount === undefined ? undefined : formatNumber(e.memberCount)}
          />
          <Fact label={fieldName('unionStatus')} value={enumLabel('union_status', e.unionStatus)} />
          <Fact
            label={fieldName('contact')}
            value={
              e.contact
                ? [e.contact.name, e.contact.role, e.contact.phone].filter(Boolean).join(' · ')
                : undefined
            }
          />
          <Fact label={fieldName('notes')} value={e.notes} />
        </dl>
      </section>
      <section class="card below-fold" aria-labelledby="history-title">
        <h2 id="history-title">{t('enterprise.stageHistory')}</h2>
        <ol class="timeline">
          {stageChanges.map((v) => (
            <li key={v.id}>
              {formatDate(v.visitedAt)}: {v.stageBefore ? enumLabel('stage', v.stageBefore) : '–'} →{' '}
              {enumLabel('stage', v.stageAfter ?? e.stage)}
            </li>
          ))}
          <li>
            {t('enterprise.stageSince', {
              stage: enumLabel('stage', e.stage),
              date: formatDate(e.stageChangedAt),
            })}
          </li>
        </ol>
      </section>
      <section class="card below-fold" aria-labelledby="visits-title">
        <h2 id="visits-title">{t('enterprise.visits', { count: visits.length })}</h2>
        {visits.length === 0 && <p class="muted">{t('enterprise.noVisits')}</p>}
        <ul class="plain-list" data-testid="visit-list">
          {visits.map((v) => (
            <li key={v.id}>
              <strong>{formatDate(v.visitedAt)}</strong> ·{' '}
              {v.purposes.map((p) => enumLabel('purpose', p)).join(', ')}
              <p>{v.outcome}</p>
              {v.nextStep && (
                <p class="muted">
                  {fieldName('nextStep')}: {v.nextStep}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
