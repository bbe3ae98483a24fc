import type { ComponentChildren } from 'preact';
import {
  ENTERPRISE_DETAIL_TABLES,
  type EnterpriseDetail,
  type EnterpriseRow,
  loadEnterpriseDetail,
} from '../../../db';
import { applicationsStillNeeded } from '../../../shared/domain';
import { mayDo } from '../../../shared/domain/roles';
import { formatCount, t } from '../../../shared/i18n';
import { LoadState } from '../../components/LoadState';
import { RecordState, useUnsent } from '../../components/RecordState';
import { appDb } from '../../db';
import { fieldName } from '../../field-labels';
import { formatDay, formatPhone, telHref } from '../../format';
import { useAdminUnits } from '../../hooks/useAdminUnits';
import { useLoad } from '../../hooks/useLoad';
import { enumLabel } from '../../labels';
import { useUnlocked } from '../../lock';
import { takePreloadedDetail } from '../../preload';
import { onLinkClick } from '../../router';
import { useSession } from '../../session';

function Fact({ label, value }: { label: string; value: ComponentChildren }) {
  if (value === undefined || value === '' || value === null) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

type Found = EnterpriseDetail & { enterprise: EnterpriseRow };

/** The page's data, or undefined when the enterprise is not (or no longer) on the device. */
function found(detail: EnterpriseDetail | undefined): Found | undefined {
  return detail?.enterprise ? (detail as Found) : undefined;
}

export function EnterpriseDetailPage({ id }: { id: string }) {
  // Visits' personal fields show once unlocked: the page reads again on unlock.
  const unlocked = useUnlocked();
  const data = useLoad(
    ENTERPRISE_DETAIL_TABLES,
    async () => found(await loadEnterpriseDetail(appDb(), id)),
    [id, unlocked],
    () => found(takePreloadedDetail(id)),
  );
  return (
    <LoadState data={data} notFound={t('enterprise.deleted')}>
      {(detail) => <EnterpriseDetailView {...detail} />}
    </LoadState>
  );
}

/** Street address, ward and province: the ward alone does not say where it is. */
function fullAddress(e: EnterpriseRow, units: ReturnType<typeof useAdminUnits>): string {
  const ward = units?.findWard(e.wardCode)?.name;
  const province = units?.findProvince(e.provinceCode)?.name;
  return [e.address, ward, province].filter(Boolean).join(', ');
}

function contactOf(e: EnterpriseRow): ComponentChildren {
  if (!e.contact) return undefined;
  const words = [e.contact.name, e.contact.role].filter(Boolean).join(' · ');
  const phone = e.contact.phone;
  return (
    <>
      {words}
      {phone && (
        <>
          {' · '}
          <a class="tel-link" href={telHref(phone)} data-testid="contact-phone">
            {formatPhone(phone)}
          </a>
        </>
      )}
    </>
  );
}

/** The recognition decision, as its number and date. */
function decisionOf(e: EnterpriseRow): string | undefined {
  const decision = e.foundingDecision;
  return decision && `${decision.number} · ${formatDay(decision.date)}`;
}

function EnterpriseDetailView({ enterprise: e, visits, applications }: Found) {
  const { role } = useSession().user;
  const units = useAdminUnits();
  const unsent = useUnsent();
  const needed = applicationsStillNeeded(Math.max(applications, e.memberCount ?? 0));
  const stageChanges = visits.filter((v) => v.stageAfter && v.stageAfter !== v.stageBefore);
  const count = (n: number | undefined) => (n === undefined ? undefined : formatCount(n));

  return (
    <section class="page">
      <h1>{e.name}</h1>
      <p class="stage-badge" data-testid="enterprise-stage">
        {enumLabel('stage', e.stage)}
      </p>{' '}
      <RecordState unsent={unsent} entity="enterprise" id={e.id} />
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
        {mayDo(role, 'record_founding') && (
          <a class="button" href={`/enterprises/${e.id}/found`} onClick={onLinkClick}>
            {t('enterprise.recordFounding')}
          </a>
        )}
      </div>
      <section class="card" aria-labelledby="apps-title">
        <h2 id="apps-title">{t('enterprise.applications')}</h2>
        <p data-testid="applications-count">
          {t('enterprise.applicationsCount', { count: applications })}{' '}
          {needed > 0
            ? t('enterprise.applicationsNeeded', { count: needed })
            : t('enterprise.applicationsEnough')}
        </p>
        <p>
          {fieldName('nextFollowUp')}:{' '}
          {e.nextFollowUp ? formatDay(e.nextFollowUp) : t('common.none')}
        </p>
      </section>
      <section class="card" aria-labelledby="facts-title">
        <h2 id="facts-title">{t('enterprise.facts')}</h2>
        <dl class="facts">
          <Fact label={fieldName('taxCode')} value={e.taxCode} />
          <Fact label={fieldName('ownership')} value={enumLabel('ownership', e.ownership)} />
          <Fact label={fieldName('sector')} value={e.sector} />
          <Fact label={fieldName('address')} value={fullAddress(e, units)} />
          <Fact label={fieldName('industrialPark')} value={e.industrialPark} />
          <Fact label={fieldName('workerCount')} value={count(e.workerCount)} />
          <Fact label={fieldName('femaleWorkerCount')} value={count(e.femaleWorkerCount)} />
          <Fact label={fieldName('memberCount')} value={count(e.memberCount)} />
          <Fact label={fieldName('unionStatus')} value={enumLabel('union_status', e.unionStatus)} />
          <Fact label={fieldName('foundingDecision')} value={decisionOf(e)} />
          <Fact label={fieldName('workerCountAtFounding')} value={count(e.workerCountAtFounding)} />
          <Fact label={fieldName('membersAtFounding')} value={count(e.membersAtFounding)} />
          <Fact label={fieldName('contact')} value={contactOf(e)} />
          <Fact label={fieldName('notes')} value={e.notes} />
        </dl>
      </section>
      <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('enterprise.stageHistory')}</h2>
        <ol class="timeline">
          {stageChanges.map((v) => (
            <li key={v.id}>
              {formatDay(v.visitedAt)}: {v.stageBefore ? enumLabel('stage', v.stageBefore) : '–'} →{' '}
              {enumLabel('stage', v.stageAfter ?? e.stage)}
            </li>
          ))}
          <li>
            {t('enterprise.stageSince', {
              stage: enumLabel('stage', e.stage),
              date: formatDay(e.stageChangedAt),
            })}
          </li>
        </ol>
      </section>
      <section class="card" aria-labelledby="visits-title">
        <h2 id="visits-title">{t('enterprise.visits', { count: visits.length })}</h2>
        {visits.length === 0 && <p class="muted">{t('enterprise.noVisits')}</p>}
        <ul class="plain-list" data-testid="visit-list">
          {visits.map((v) => (
            <li key={v.id}>
              <strong>{formatDay(v.visitedAt)}</strong> ·{' '}
              {v.purposes.map((p) => enumLabel('purpose', p)).join(', ')} ·{' '}
              <RecordState unsent={unsent} entity="visit" id={v.id} />
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
