import './supervisor.css';
import { useState } from 'preact/hooks';
import {
  countApplications,
  type EnterpriseRow,
  getEnterprise,
  listUnits,
  recordFounding,
  type UnitRow,
} from '../../../db';
import { todayInVietnam } from '../../../shared/domain/dates';
import { fieldIssue } from '../../../shared/domain/issues';
import { checkFounding } from '../../../shared/domain/pipeline';
import { mayDo } from '../../../shared/domain/roles';
import { t } from '../../../shared/i18n';
import { formatDate } from '../../../shared/vn/core';
import type { Issue } from '../../../shared/vn/issue';
import { LoadState } from '../../components/LoadState';
import { appDb } from '../../db';
import { fieldName } from '../../field-labels';
import { FormFooter, RequiredNote } from '../../forms/FormFooter';
import { issuesFor, TextField } from '../../forms/fields';
import { parseCount } from '../../forms/parse';
import { useSaveForm } from '../../forms/useSaveForm';
import { useLoad } from '../../hooks/useLoad';
import { navigate } from '../../router';
import { afterWrite } from '../../sync-scheduler';
import { DecisionFields } from './decision-fields';
import { checkDecisionInput, type DecisionInput, emptyDecision } from './decision-input';
import { addSupervisorMessages } from './messages';
import { useActor } from './SupervisorTabs';

addSupervisorMessages();

type Context = { enterprise: EnterpriseRow; applications: number; units: UnitRow[] };

async function loadFoundingContext(id: string): Promise<Context | undefined> {
  const db = appDb();
  const [enterprise, applications, units] = await Promise.all([
    getEnterprise(db, id),
    countApplications(db, id),
    listUnits(db),
  ]);
  return enterprise && { enterprise, applications, units };
}

/** Thành lập CĐCS: the recognition decision and the counts of the founding day. */
export function FoundingPage({ enterpriseId }: { enterpriseId: string }) {
  const actor = useActor();
  // Read once: the form must not change under the supervisor's hands.
  const data = useLoad([], () => loadFoundingContext(enterpriseId), [enterpriseId]);
  if (!mayDo(actor.role, 'record_founding')) {
    return (
      <p role="alert" class="form-error page">
        {t('supervisor.notAllowed')}
      </p>
    );
  }
  return (
    <LoadState data={data} notFound={t('enterprise.notFound')}>
      {(context) => <FoundingForm {...context} />}
    </LoadState>
  );
}

type Form = { decision: DecisionInput; workers: string; members: string };

function initialForm(enterprise: EnterpriseRow, unitId: string): Form {
  const decision = enterprise.foundingDecision;
  return {
    decision: decision
      ? { number: decision.number, date: formatDate(decision.date), issuedBy: decision.issuedBy }
      : emptyDecision(unitId, todayInVietnam()),
    workers: String(enterprise.workerCountAtFounding ?? enterprise.workerCount ?? ''),
    members: enterprise.membersAtFounding === undefined ? '' : String(enterprise.membersAtFounding),
  };
}

/** A count typed in the form: whole and not negative; issues on `field` otherwise. */
function countIssues(field: string, value: number | undefined): Issue[] {
  if (value === undefined || (Number.isInteger(value) && value >= 0)) return [];
  return [fieldIssue('enterprise', field, 'invalid')];
}

function checkedFounding(form: Form, applications: number) {
  const workerCountAtFounding = parseCount(form.workers);
  const membersAtFounding = parseCount(form.members);
  const decision = checkDecisionInput('foundingDecision', form.decision, todayInVietnam());
  const counts = [
    ...countIssues('workerCountAtFounding', workerCountAtFounding),
    ...countIssues('membersAtFounding', membersAtFounding),
  ];
  const founding = checkFounding({
    applicationCount: applications,
    foundingDecision: decision.value,
    membersAtFounding,
  }).filter((issue) => issue.field !== 'foundingDecision');
  const issues = [...decision.issues, ...counts, ...founding];
  if (decision.value === undefined || issues.length > 0) return { issues };
  return { value: { decision: decision.value, workerCountAtFounding, membersAtFounding }, issues };
}

function FoundingForm({ enterprise, applications, units }: Context) {
  const actor = useActor();
  const [form, setForm] = useState<Form>(() => initialForm(enterprise, actor.unitId));
  const { form: formRef, issues, failure, submit } = useSaveForm();
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });

  const save = async (event: Event) => {
    event.preventDefault();
    await submit({
      validate: () => checkedFounding(form, applications),
      save: ({ decision, ...counts }) =>
        recordFounding(appDb(), actor, enterprise.id, decision, counts),
      done: () => {
        afterWrite();
        navigate(`/enterprises/${enterprise.id}`, { replace: true });
      },
    });
  };

  return (
    <form class="page" onSubmit={save} noValidate ref={formRef}>
      <h1>{t('founding.title')}</h1>
      <p class="muted">{enterprise.name}</p>
      <p data-testid="founding-applications">
        {t('founding.applications', { count: applications })}
      </p>
      {enterprise.foundingDecision && <p class="hint">{t('founding.already')}</p>}
      <RequiredNote />
      <DecisionFields
        field="foundingDecision"
        value={form.decision}
        onValue={(decision) => set({ decision })}
        issues={issues}
        units={units}
        ownUnitId={actor.unitId}
      />
      <div class="two-columns">
        <TextField
          id="founding-workers"
          label={fieldName('workerCountAtFounding')}
          hint={t('founding.workerHint')}
          inputMode="numeric"
          value={form.workers}
          onValue={(workers) => set({ workers })}
          issues={issuesFor(issues, 'workerCountAtFounding')}
        />
        <TextField
          id="founding-members"
          label={fieldName('membersAtFounding')}
          inputMode="numeric"
          value={form.members}
          onValue={(members) => set({ members })}
          issues={issuesFor(issues, 'membersAtFounding')}
        />
      </div>
      <FormFooter
        hasErrors={issues.some((issue) => issue.level === 'error')}
        failure={failure}
        actions={
          <>
            <button type="submit" class="button primary">
              {t('founding.save')}
            </button>
            <button type="button" class="button" onClick={() => history.back()}>
              {t('common.cancel')}
            </button>
          </>
        }
      />
    </form>
  );
}
