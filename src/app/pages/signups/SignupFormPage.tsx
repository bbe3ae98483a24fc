import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  getEnterprise,
  getSignupDraft,
  StorageFullError,
  saveSignupDraft,
  submitSignup,
} from '../../../db';
import { checkDraftSignup, reviewSignup } from '../../../shared/domain';
import { t } from '../../../shared/i18n';
import { CONTRACT_TYPES, GENDERS, MANAGER_ROLES, type SignupDraft } from '../../../shared/schemas';
import { formatDate } from '../../../shared/vn/core';
import { appDb } from '../../db';
import { IssueList, issuesFor, RadioGroup, SelectField, TextField } from '../../forms/fields';
import { newId, today } from '../../ids';
import { enumOptions, fieldName } from '../../labels';
import { navigate } from '../../router';
import { afterWrite } from '../../sync-scheduler';
import { completeness, withoutEmpty } from './draft-fields';

const SERIES_KEY = 'sotay.signupSeries';

export function newDraft(enterpriseId: string, signedAt: string): SignupDraft {
  return { id: newId(), enterpriseId, status: 'draft', nationality: 'VN', signedAt };
}

/** Starts a draft for an enterprise and opens it (the URL then names the draft). */
export function NewSignupPage({ enterpriseId }: { enterpriseId: string }) {
  useEffect(() => {
    const draft = newDraft(enterpriseId, formatDate(today()));
    saveSignupDraft(appDb(), draft).then(() => navigate(`/signups/${draft.id}`, { replace: true }));
  }, [enterpriseId]);
  return <p>{t('common.loading')}</p>;
}

type TextKey =
  | 'fullName'
  | 'dateOfBirth'
  | 'nationality'
  | 'idNumber'
  | 'ethnicity'
  | 'religion'
  | 'education'
  | 'phone'
  | 'occupation'
  | 'startedWorkingAt'
  | 'signedAt';

export function SignupFormPage({ id }: { id: string }) {
  const [draft, setDraft] = useState<SignupDraft | null>();
  const [enterpriseName, setEnterpriseName] = useState('');
  const [series, setSeries] = useState(() => localStorage.getItem(SERIES_KEY) === '1');
  const [failure, setFailure] = useState('');
  const [submitted, setSubmitted] = useState(false);
  // Saves are chained so that a slow write can never land after a newer one.
  const saving = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    getSignupDraft(appDb(), id).then((found) => {
      setDraft(found ?? null);
      if (found)
        getEnterprise(appDb(), found.enterpriseId).then((e) => setEnterpriseName(e?.name ?? ''));
    });
  }, [id]);

  const clean = useMemo(() => (draft ? withoutEmpty(draft) : undefined), [draft]);
  const inline = useMemo(() => (clean ? checkDraftSignup(clean) : []), [clean]);
  const review = useMemo(() => (clean ? reviewSignup(clean) : undefined), [clean]);

  if (draft === undefined) return <p>{t('common.loading')}</p>;
  if (draft === null) return <p>{t('signup.notFound')}</p>;

  const update = (patch: Partial<SignupDraft>) => {
    const next = { ...draft, ...patch } as SignupDraft;
    setDraft(next);
    saving.current = saving.current
      .then(() => saveSignupDraft(appDb(), withoutEmpty(next)))
      .catch((error: unknown) =>
        setFailure(error instanceof StorageFullError ? t('storage.quotaError') : String(error)),
      );
  };
  const shown = submitted ? (review?.issues ?? []) : inline;
  const text = (key: TextKey, extra: Record<string, unknown> = {}) => (
    <TextField
      id={`signup-${key}`}
      label={fieldName(key)}
      value={(draft[key] as string | undefined) ?? ''}
      onValue={(value) => update({ [key]: value })}
      issues={issuesFor(shown, key)}
      {...extra}
    />
  );

  const submit = async (event: Event) => {
    event.preventDefault();
    setSubmitted(true);
    if (!review?.value) return;
    try {
      await saving.current;
      await submitSignup(appDb(), review.value);
      afterWrite();
      if (series) {
        const next = newDraft(draft.enterpriseId, draft.signedAt ?? formatDate(today()));
        await saveSignupDraft(appDb(), next);
        setSubmitted(false);
        navigate(`/signups/${next.id}`, { replace: true });
      } else navigate(`/enterprises/${draft.enterpriseId}`, { replace: true });
    } catch (error) {
      setFailure(error instanceof StorageFullError ? t('storage.quotaError') : String(error));
    }
  };

  return (
    <form class="page" onSubmit={submit} noValidate key={id}>
      <h1>{t('signup.title')}</h1>
      <p class="muted">{enterpriseName}</p>
      <p class="muted" aria-live="polite" data-testid="draft-status">
        {t('signup.savedDraft', { percent: completeness(draft) })}
      </p>
      {text('fullName', { required: true, autoComplete: 'off' })}
      {text('dateOfBirth', { required: true, placeholder: 'dd/mm/yyyy', inputMode: 'numeric' })}
      <RadioGroup
        id="signup-gender"
        legend={fieldName('gender')}
        options={enumOptions('gender', GENDERS)}
        value={draft.gender}
        onValue={(gender) => update({ gender })}
        issues={issuesFor(shown, 'gender')}
      />
      {text('nationality', { hint: t('signup.nationalityHint'), maxLength: 2 })}
      {text('idNumber', {
        required: true,
        inputMode: draft.nationality && draft.nationality !== 'VN' ? 'text' : 'numeric',
      })}
      {text('phone', { type: 'tel', inputMode: 'tel' })}
      {text('ethnicity')}
      {text('religion')}
      {text('education')}
      {text('occupation')}
      {text('startedWorkingAt', { placeholder: 'dd/mm/yyyy', inputMode: 'numeric' })}
      <RadioGroup
        id="signup-contractType"
        legend={fieldName('contractType')}
        options={enumOptions('contract_type', CONTRACT_TYPES)}
        value={draft.contractType}
        onValue={(contractType) => update({ contractType })}
        issues={issuesFor(shown, 'contractType')}
      />
      {draft.contractType === 'fixed' && (
        <TextField
          id="signup-contractMonths"
          label={fieldName('contractMonths')}
          inputMode="numeric"
          value={draft.contractMonths?.toString() ?? ''}
          issues={issuesFor(shown, 'contractMonths')}
          onValue={(value) =>
            update({ contractMonths: value === '' ? undefined : Number(value.replace(/\D/g, '')) })
          }
        />
      )}
      <SelectField
        id="signup-managerRole"
        label={fieldName('managerRole')}
        value={draft.managerRole ?? 'none'}
        options={enumOptions('manager_role', MANAGER_ROLES)}
        onValue={(managerRole) => update({ managerRole: managerRole || 'none' })}
        issues={issuesFor(shown, 'managerRole')}
      />
      <label class="check-field" for="signup-servingSentence">
        <input
          id="signup-servingSentence"
          type="checkbox"
          checked={draft.servingSentence === true}
          onChange={(e) =>
            update({ servingSentence: (e.currentTarget as HTMLInputElement).checked })
          }
        />
        <span>{fieldName('servingSentence')}</span>
      </label>
      <IssueList issues={issuesFor(shown, 'servingSentence')} />
      {text('signedAt', { required: true, placeholder: 'dd/mm/yyyy', inputMode: 'numeric' })}
      <label class="check-field" for="signup-consent">
        <input
          id="signup-consent"
          type="checkbox"
          checked={draft.consent === true}
          onChange={(e) => update({ consent: (e.currentTarget as HTMLInputElement).checked })}
        />
        <span>{t('signup.consentText')}</span>
      </label>
      <IssueList issues={issuesFor(shown, 'consent')} />
      <label class="check-field" for="signup-series">
        <input
          id="signup-series"
          type="checkbox"
          checked={series}
          onChange={(e) => {
            const on = (e.currentTarget as HTMLInputElement).checked;
            localStorage.setItem(SERIES_KEY, on ? '1' : '0');
            setSeries(on);
          }}
        />
        <span>{t('signup.seriesMode')}</span>
      </label>
      {submitted && !review?.value && (
        <p class="form-error" role="alert">
          {t('form.fixErrors')}
        </p>
      )}
      {failure && (
        <p class="form-error" role="alert">
          {failure}
        </p>
      )}
      <div class="form-actions">
        <button
          type="submit"
          class="button primary"
          aria-disabled={review?.value ? undefined : 'true'}
        >
          {t('signup.submit')}
        </button>
        <button type="button" class="button" onClick={() => navigate('/signups')}>
          {t('signup.keepDraft')}
        </button>
      </div>
    </form>
  );
}
