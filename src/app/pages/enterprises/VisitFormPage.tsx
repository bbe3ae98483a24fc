import { useEffect, useState } from 'preact/hooks';
import { countApplications, getEnterprise, logVisit } from '../../../db';
import { checkTransition, checkVisit } from '../../../shared/domain';
import { t } from '../../../shared/i18n';
import {
  type Enterprise,
  type GeoLocation,
  PERSON_ROLES,
  type PersonRole,
  STAGES,
  type Stage,
  VISIT_PURPOSES,
  type VisitPurpose,
} from '../../../shared/schemas';
import { normalizeName } from '../../../shared/vn/core';
import { holdBusy } from '../../busy';
import { LoadState } from '../../components/LoadState';
import { appDb } from '../../db';
import { fieldName } from '../../field-labels';
import { FormFooter, RequiredNote } from '../../forms/FormFooter';
import { CheckboxGroup, IssueList, issuesFor, SelectField, TextField } from '../../forms/fields';
import { compact, parseCount, parseOptionalDate } from '../../forms/parse';
import { useSaveForm } from '../../forms/useSaveForm';
import { useLoad } from '../../hooks/useLoad';
import { newId, nowWithOffset, today } from '../../ids';
import { enumOptions } from '../../labels';
import { navigate } from '../../router';
import { afterWrite } from '../../sync-scheduler';
import { FollowUpQuickPicks } from './FollowUpQuickPicks';
import { LocationButton } from './LocationButton';

type Person = { name: string; role: PersonRole; phone: string };

type Form = {
  purposes: VisitPurpose[];
  people: Person[];
  workersReached: string;
  applicationsCollected: string;
  stageAfter: Stage | '';
  outcome: string;
  nextStep: string;
  nextFollowUp: string;
  location: GeoLocation | undefined;
};

const EMPTY: Form = {
  purposes: [],
  people: [],
  workersReached: '',
  applicationsCollected: '',
  stageAfter: '',
  outcome: '',
  nextStep: '',
  nextFollowUp: '',
  location: undefined,
};

function toVisit(form: Form, enterprise: Enterprise) {
  const stageAfter = form.stageAfter || enterprise.stage;
  return compact({
    id: newId(),
    enterpriseId: enterprise.id,
    visitedAt: nowWithOffset(),
    purposes: form.purposes,
    peopleMet: form.people.map((p) =>
      compact({ name: p.name.trim(), role: p.role, phone: p.phone.trim() }),
    ),
    workersReached: parseCount(form.workersReached),
    applicationsCollected: parseCount(form.applicationsCollected),
    stageBefore: enterprise.stage,
    stageAfter,
    outcome: form.outcome,
    nextStep: form.nextStep,
    nextFollowUp: parseOptionalDate(form.nextFollowUp),
    location: form.location,
  });
}

/** What the visit form needs to check a stage change: the enterprise and its applications. */
async function loadVisitContext(enterpriseId: string) {
  const db = appDb();
  const [enterprise, applications] = await Promise.all([
    getEnterprise(db, enterpriseId),
    countApplications(db, enterpriseId),
  ]);
  return enterprise && { enterprise, applications };
}

export function VisitFormPage({ enterpriseId }: { enterpriseId: string }) {
  // Read once: the stage the form shows must not move while the organizer types.
  const data = useLoad([], () => loadVisitContext(enterpriseId), [enterpriseId]);
  return (
    <LoadState data={data} notFound={t('enterprise.notFound')}>
      {(context) => <VisitForm {...context} />}
    </LoadState>
  );
}

/** Map, then check the visit and the stage change it makes. */
function checkedVisit(form: Form, enterprise: Enterprise, applications: number) {
  const visit = toVisit(form, enterprise);
  const result = checkVisit(visit);
  const transition = checkTransition(enterprise.stage, visit.stageAfter ?? enterprise.stage, {
    applicationCount: applications + (visit.applicationsCollected ?? 0),
    memberCount: enterprise.memberCount ?? 0,
    foundingDecision: enterprise.foundingDecision,
  }).map((issue) => ({ ...issue, field: 'stageAfter' }));
  return { value: result.value, issues: [...result.issues, ...transition] };
}

function VisitForm({ enterprise, applications }: { enterprise: Enterprise; applications: number }) {
  const [form, setForm] = useState<Form>(EMPTY);
  const { form: formRef, issues, failure, submit } = useSaveForm();

  // Typed input that is not saved yet must survive an app update (docs/design.md §6).
  const dirty = form !== EMPTY;
  useEffect(() => (dirty ? holdBusy() : undefined), [dirty]);

  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const setPerson = (index: number, patch: Partial<Person>) =>
    set({ people: form.people.map((p, i) => (i === index ? { ...p, ...patch } : p)) });

  const save = async (event: Event) => {
    event.preventDefault();
    await submit({
      validate: () => checkedVisit(form, enterprise, applications),
      save: (visit) => logVisit(appDb(), visit),
      done: () => {
        afterWrite();
        setForm(EMPTY);
        navigate(`/enterprises/${enterprise.id}`, { replace: true });
      },
    });
  };

  return (
    <form class="page" onSubmit={save} noValidate ref={formRef}>
      <h1>{t('visit.title')}</h1>
      <p class="muted">{enterprise.name}</p>
      <RequiredNote />
      <CheckboxGroup
        id="visit-purposes"
        legend={fieldName('purposes')}
        options={enumOptions('purpose', VISIT_PURPOSES)}
        values={form.purposes}
        onValues={(purposes) => set({ purposes })}
        issues={issuesFor(issues, 'purposes')}
      />
      <fieldset class="field-group">
        <legend>{fieldName('peopleMet')}</legend>
        {form.people.map((person, index) => (
          <div class="person-row" key={index}>
            <TextField
              id={`person-${index}-name`}
              label={fieldName('peopleMet.name')}
              value={person.name}
              normalize={normalizeName}
              onValue={(name) => setPerson(index, { name })}
            />
            <SelectField
              id={`person-${index}-role`}
              label={fieldName('peopleMet.role')}
              value={person.role}
              options={enumOptions('person_role', PERSON_ROLES)}
              onValue={(role) => role && setPerson(index, { role })}
            />
            <TextField
              id={`person-${index}-phone`}
              label={fieldName('peopleMet.phone')}
              value={person.phone}
              type="tel"
              inputMode="tel"
              onValue={(phone) => setPerson(index, { phone })}
              issues={issuesFor(issues, `peopleMet.${index}`)}
            />
          </div>
        ))}
        <button
          type="button"
          class="button"
          onClick={() => set({ people: [...form.people, { name: '', role: 'worker', phone: '' }] })}
        >
          {t('visit.addPerson')}
        </button>
      </fieldset>
      <div class="two-columns">
        <TextField
          id="visit-workersReached"
          label={fieldName('workersReached')}
          inputMode="numeric"
          value={form.workersReached}
          onValue={(workersReached) => set({ workersReached })}
          issues={issuesFor(issues, 'workersReached')}
        />
        <TextField
          id="visit-applicationsCollected"
          label={fieldName('applicationsCollected')}
          inputMode="numeric"
          value={form.applicationsCollected}
          onValue={(applicationsCollected) => set({ applicationsCollected })}
          issues={issuesFor(issues, 'applicationsCollected')}
        />
      </div>
      <SelectField
        id="visit-stageAfter"
        label={t('visit.stageChange')}
        value={form.stageAfter}
        emptyLabel={t('visit.stageUnchanged', { stage: t(`stage.${enterprise.stage}`) })}
        options={enumOptions(
          'stage',
          STAGES.filter((s) => s !== enterprise.stage),
        )}
        onValue={(stageAfter) => set({ stageAfter })}
        issues={issuesFor(issues, 'stageAfter')}
        hint={t('visit.applicationsSoFar', { count: applications })}
      />
      <TextField
        id="visit-outcome"
        label={fieldName('outcome')}
        value={form.outcome}
        multiline
        required
        onValue={(outcome) => set({ outcome })}
        issues={issuesFor(issues, 'outcome')}
      />
      <TextField
        id="visit-nextStep"
        label={fieldName('nextStep')}
        value={form.nextStep}
        onValue={(nextStep) => set({ nextStep })}
      />
      <TextField
        id="visit-nextFollowUp"
        label={fieldName('nextFollowUp')}
        value={form.nextFollowUp}
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        onValue={(nextFollowUp) => set({ nextFollowUp })}
        issues={issuesFor(issues, 'nextFollowUp')}
      />
      <FollowUpQuickPicks from={today()} onPick={(nextFollowUp) => set({ nextFollowUp })} />
      <LocationButton location={form.location} onLocation={(location) => set({ location })} />
      <IssueList issues={issuesFor(issues, 'location')} />
      <FormFooter hasErrors={issues.some((i) => i.level === 'error')} failure={failure} />
    </form>
  );
}
