import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  deleteSignupDraft,
  getEnterprise,
  getSignup,
  isUnlocked,
  newId,
  type SignupRow,
  saveSignupDraft,
  submitSignup,
} from '../../../db';
import { checkDraftSignup, reviewSignup } from '../../../shared/domain';
import { t } from '../../../shared/i18n';
import { CONTRACT_TYPES, GENDERS, MANAGER_ROLES, type SignupDraft } from '../../../shared/schemas';
import { formatDate, normalizeName } from '../../../shared/vn/core';
import { LoadState } from '../../components/LoadState';
import { countryOptions } from '../../countries';
import { appDb } from '../../db';
import { fieldName } from '../../field-labels';
import { FormProblems, RequiredNote } from '../../forms/FormFooter';
import { CheckField, issuesFor, RadioGroup, SelectField, TextField } from '../../forms/fields';
import { saveFailureMessage } from '../../forms/submit';
import { useSaveForm } from '../../forms/useSaveForm';
import { useLoad } from '../../hooks/useLoad';
import { today } from '../../ids';
import { enumOptions } from '../../labels';
import { useUnlocked } from '../../lock';
import { navigate } from '../../router';
import { UnlockPanel } from '../../screens';
import { afterWrite } from '../../sync-scheduler';
import { offerUndo } from '../../undo';
import { completeness, isEmptyDraft, newDraft, withoutEmpty } from './draft-fields';
import { SignupView } from './SignupView';

const SERIES_KEY = 'sotay.signupSeries';

/** The URL of a new, blank application (nothing is stored until something is typed). */
export function newSignupPath(enterpriseId: string, signedAt?: string): string {
  const query = new URLSearchParams({ enterprise: enterpriseId });
  if (signedAt) query.set('signedAt', signedAt);
  return `/signups/${newId()}?${query}`;
}

/** Gives the new application its id, so that a reload keeps the same form. */
export function NewSignupPage({ enterpriseId }: { enterpriseId: string }) {
  useEffect(() => navigate(newSignupPath(enterpriseId), { replace: true }), [enterpriseId]);
  return null;
}

/**
 * The application `id`: its draft to fill in, the submitted application to read, or, when the
 * URL names an enterprise, a blank one not stored yet.
 */
async function loadSignup(id: string, search: string) {
  const db = appDb();
  const query = new URLSearchParams(search);
  const enterpriseId = query.get('enterprise');
  const stored = await getSignup(db, id);
  // A stored application is personal data: locked, the screen asks to unlock first, and the
  // form (whose autosave would write over what it cannot show) is not drawn.
  if (stored !== undefined && !isUnlocked(db)) return { locked: true as const };
  const signup: SignupRow | undefined =
    stored ??
    (enterpriseId
      ? newDraft(id, enterpriseId, query.get('signedAt') ?? formatDate(today()))
      : undefined);
  if (signup === undefined) return undefined;
  const enterprise = await getEnterprise(db, signup.enterpriseId);
  return {
    locked: false as const,
    signup,
    stored: stored !== undefined,
    enterpriseName: enterprise?.name ?? '',
  };
}

export function SignupFormPage({ id }: { id: string }) {
  const search = location.search;
  // Read once: the form is the user's while they type (autosave writes this very row).
  const unlocked = useUnlocked();
  const data = useLoad([], () => loadSignup(id, search), [id, search, unlocked]);
  return (
    <LoadState data={data} notFound={t('signup.notFound')}>
      {(loaded) =>
        loaded.locked ? (
          <section class="page">
            <UnlockPanel />
          </section>
        ) : (
          <LoadedSignup {...loaded} />
        )
      }
    </LoadState>
  );
}

function LoadedSignup({
  signup,
  stored,
  enterpriseName,
}: {
  signup: SignupRow;
  stored: boolean;
  enterpriseName: string;
}) {
  return signup.status === 'draft' ? (
    <SignupEditor
      key={signup.id}
      initial={signup}
      stored={stored}
      enterpriseName={enterpriseName}
    />
  ) : (
    <SignupView signup={signup} enterpriseName={enterpriseName} />
  );
}

type TextKey =
  | 'fullName'
  | 'dateOfBirth'
  | 'idNumber'
  | 'ethnicity'
  | 'religion'
  | 'education'
  | 'phone'
  | 'occupation'
  | 'startedWorkingAt'
  | 'signedAt';

type EditorProps = { initial: SignupDraft; stored: boolean; enterpriseName: string };

function SignupEditor({ initial, stored, enterpriseName }: EditorProps) {
  const [draft, setDraft] = useState<SignupDraft>(initial);
  const [series, setSeries] = useState(() => localStorage.getItem(SERIES_KEY) === '1');
  const [submitted, setSubmitted] = useState(false);
  const { form, failure, setFailure, submit } = useSaveForm();
  // Saves are chained so that a slow write can never land after a newer one.
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const inStore = useRef(stored);

  const clean = useMemo(() => withoutEmpty(draft), [draft]);
  // While typing, what is wrong so far; once submitted, everything that stops it, as it is fixed.
  const shown = useMemo(
    () => (submitted ? reviewSignup(clean).issues : checkDraftSignup(clean)),
    [clean, submitted],
  );

  /** Autosave; a draft emptied again is removed: an empty draft is never kept. */
  const persist = (next: SignupDraft) => {
    const empty = isEmptyDraft(withoutEmpty(next));
    saving.current = saving.current
      .then(async () => {
        if (empty) {
          if (inStore.current) await deleteSignupDraft(appDb(), next.id);
          inStore.current = false;
        } else {
          await saveSignupDraft(appDb(), withoutEmpty(next));
          inStore.current = true;
        }
      })
      .catch((error: unknown) => setFailure(saveFailureMessage(error)));
  };

  const update = (patch: Partial<SignupDraft>) => {
    const next = { ...draft, ...patch } as SignupDraft;
    setDraft(next);
    persist(next);
  };
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

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setSubmitted(true);
    // Map: the name as it is stored (also when Enter submits before the field was left).
    const mapped = withoutEmpty({ ...draft, fullName: normalizeName(draft.fullName ?? '') });
    await submit({
      validate: () => reviewSignup(mapped),
      save: async (signup) => {
        await saving.current;
        return submitSignup(appDb(), signup);
      },
      done: () => {
        afterWrite();
        if (series) {
          navigate(newSignupPath(draft.enterpriseId, draft.signedAt), { replace: true });
        } else navigate(`/enterprises/${draft.enterpriseId}`, { replace: true });
      },
    });
  };

  const discard = async () => {
    await saving.current;
    const kept = withoutEmpty(draft);
    if (inStore.current) {
      await deleteSignupDraft(appDb(), draft.id);
      inStore.current = false;
      offerUndo(t('signup.discarded', { name: kept.fullName ?? t('signup.unnamed') }), () =>
        saveSignupDraft(appDb(), kept),
      );
    }
    navigate('/signups', { replace: true });
  };

  const foreign = draft.nationality !== undefined && draft.nationality !== 'VN';
  return (
    <form class="page" onSubmit={onSubmit} noValidate ref={form}>
      <h1>{t('signup.title')}</h1>
      <p class="muted">{enterpriseName}</p>
      <p class="muted" aria-live="polite" data-testid="draft-status">
        {t('signup.savedDraft', { percent: completeness(draft) })}
      </p>
      <RequiredNote />
      {text('fullName', { required: true, autoComplete: 'off', normalize: normalizeName })}
      {text('dateOfBirth', { required: true, placeholder: 'dd/mm/yyyy', inputMode: 'numeric' })}
      <RadioGroup
        id="signup-gender"
        legend={fieldName('gender')}
        options={enumOptions('gender', GENDERS)}
        value={draft.gender}
        onValue={(gender) => update({ gender })}
        issues={issuesFor(shown, 'gender')}
        required
      />
      <SelectField
        id="signup-nationality"
        label={fieldName('nationality')}
        value={draft.nationality ?? 'VN'}
        options={countryOptions()}
        onValue={(nationality) => update({ nationality: nationality || 'VN' })}
        issues={issuesFor(shown, 'nationality')}
        required
      />
      {text('idNumber', { required: true, inputMode: foreign ? 'text' : 'numeric' })}
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
        required
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
      <CheckField
        id="signup-servingSentence"
        label={fieldName('servingSentence')}
        checked={draft.servingSentence === true}
        onChecked={(servingSentence) => update({ servingSentence })}
        issues={issuesFor(shown, 'servingSentence')}
      />
      {text('signedAt', { required: true, placeholder: 'dd/mm/yyyy', inputMode: 'numeric' })}
      <CheckField
        id="signup-consent"
        label={t('signup.consentText')}
        checked={draft.consent === true}
        onChecked={(consent) => update({ consent })}
        issues={issuesFor(shown, 'consent')}
        required
      />
      <CheckField
        id="signup-series"
        label={t('signup.seriesMode')}
        checked={series}
        onChecked={(on) => {
          localStorage.setItem(SERIES_KEY, on ? '1' : '0');
          setSeries(on);
        }}
      />
      <FormProblems
        hasErrors={submitted && shown.some((i) => i.level === 'error')}
        failure={failure}
      />
      <div class="form-actions">
        <button type="submit" class="button primary">
          {t('signup.submit')}
        </button>
        <button type="button" class="button" onClick={() => navigate('/signups')}>
          {t('signup.keepDraft')}
        </button>
        <button type="button" class="button danger" onClick={() => void discard()}>
          {t('signup.discard')}
        </button>
      </div>
    </form>
  );
}
