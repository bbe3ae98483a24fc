import { useState } from 'preact/hooks';
import { type EnterpriseRow, getEnterprise, saveEnterprise } from '../../../db';
import { checkEnterprise } from '../../../shared/domain';
import { t } from '../../../shared/i18n';
import { type Enterprise, OWNERSHIPS, UNION_STATUSES } from '../../../shared/schemas';
import { normalizeName } from '../../../shared/vn/core';
import { LoadState } from '../../components/LoadState';
import { appDb } from '../../db';
import { fieldName } from '../../field-labels';
import { FormFooter, RequiredNote } from '../../forms/FormFooter';
import { IssueList, issuesFor, SelectField, TextField } from '../../forms/fields';
import { useSaveForm } from '../../forms/useSaveForm';
import { useAdminUnits } from '../../hooks/useAdminUnits';
import { useLoad } from '../../hooks/useLoad';
import { enumOptions } from '../../labels';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { afterWrite } from '../../sync-scheduler';
import {
  type EnterpriseForm,
  type EnterpriseFormKey,
  editedEnterprise,
  newEnterprise,
  toForm,
} from './enterprise-form';

const LAST_PROVINCE = 'sotay.lastProvince';

function lastProvince(): string | undefined {
  try {
    return localStorage.getItem(LAST_PROVINCE) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Registers an enterprise (its name may come from a search that found none) or edits one. */
export function EnterpriseFormPage({ id }: { id?: string | undefined }) {
  if (id === undefined) {
    const name = new URLSearchParams(location.search).get('name')?.trim() || undefined;
    const province = lastProvince();
    return (
      <EnterpriseEditor
        initial={toForm(undefined, {
          ...(name && { name }),
          ...(province && { provinceCode: province }),
        })}
      />
    );
  }
  return <EditEnterprise id={id} />;
}

function EditEnterprise({ id }: { id: string }) {
  // Read once: the form must not change under the user's fingers when a pull lands.
  const data = useLoad([], () => getEnterprise(appDb(), id), [id]);
  return (
    <LoadState data={data} notFound={t('enterprise.notFound')}>
      {(stored) => <EnterpriseEditor id={id} stored={stored} initial={toForm(stored)} />}
    </LoadState>
  );
}

type EditorProps = { id?: string; stored?: EnterpriseRow; initial: EnterpriseForm };

function EnterpriseEditor({ id, stored, initial }: EditorProps) {
  const session = useSession();
  const units = useAdminUnits();
  const [form, setForm] = useState(initial);
  const { form: formRef, issues, failure, submit } = useSaveForm();
  const set = (patch: Partial<EnterpriseForm>) => setForm({ ...form, ...patch });
  const field = (name: EnterpriseFormKey, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      id={`enterprise-${name}`}
      label={label}
      value={form[name]}
      onValue={(value) => set({ [name]: value })}
      issues={issuesFor(issues, name)}
      {...extra}
    />
  );

  // Map: from the typed fields, applied to the record as it is stored NOW (an edit).
  const mapRecord = async (): Promise<Partial<Enterprise>> => {
    if (id === undefined || stored === undefined) {
      return newEnterprise(form, session.user.unitId, session.user.id);
    }
    const current = (await getEnterprise(appDb(), id)) ?? stored;
    return editedEnterprise(current, initial, form);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const record = await mapRecord();
    await submit({
      validate: () => checkEnterprise(record),
      save: (value: Enterprise) => saveEnterprise(appDb(), value),
      done: (saved) => {
        try {
          localStorage.setItem(LAST_PROVINCE, saved.provinceCode);
        } catch {
          // Not remembered: the next form starts without a province.
        }
        afterWrite();
        navigate(`/enterprises/${saved.id}`, { replace: true });
      },
    });
  };

  const provinceOptions = (units?.provinces() ?? []).map((p) => ({ value: p.code, label: p.name }));
  const wardOptions = form.provinceCode
    ? (units?.wards(form.provinceCode) ?? []).map((w) => ({ value: w.code, label: w.name }))
    : [];

  return (
    <form class="page" onSubmit={save} noValidate ref={formRef}>
      <h1>{stored ? t('enterprise.edit') : t('enterprise.new')}</h1>
      <RequiredNote />
      {field('name', fieldName('enterprise.name'), { required: true, maxLength: 200 })}
      {field('taxCode', fieldName('taxCode'), {
        inputMode: 'numeric',
        hint: t('enterprise.taxCodeHint'),
      })}
      <SelectField
        id="enterprise-ownership"
        label={fieldName('ownership')}
        value={form.ownership}
        options={enumOptions('ownership', OWNERSHIPS)}
        onValue={(ownership) => set({ ownership })}
        issues={issuesFor(issues, 'ownership')}
        required
      />
      {field('sector', fieldName('sector'))}
      <SelectField
        id="enterprise-provinceCode"
        label={fieldName('provinceCode')}
        value={form.provinceCode}
        options={provinceOptions}
        emptyLabel={t('common.choose')}
        required
        onValue={(provinceCode) => set({ provinceCode, wardCode: '' })}
        issues={issuesFor(issues, 'provinceCode')}
      />
      <SelectField
        id="enterprise-wardCode"
        label={fieldName('wardCode')}
        value={form.wardCode}
        options={wardOptions}
        emptyLabel={t('common.choose')}
        required
        onValue={(wardCode) => set({ wardCode })}
        issues={issuesFor(issues, 'wardCode')}
      />
      {field('address', fieldName('address'), { required: true })}
      {field('industrialPark', fieldName('industrialPark'))}
      {field('workerCount', fieldName('workerCount'), { inputMode: 'numeric' })}
      {field('femaleWorkerCount', fieldName('femaleWorkerCount'), { inputMode: 'numeric' })}
      {field('memberCount', fieldName('memberCount'), { inputMode: 'numeric' })}
      <SelectField
        id="enterprise-unionStatus"
        label={fieldName('unionStatus')}
        value={form.unionStatus}
        options={enumOptions('union_status', UNION_STATUSES)}
        onValue={(unionStatus) => set({ unionStatus })}
        issues={issuesFor(issues, 'unionStatus')}
        required
      />
      <fieldset class="field-group">
        <legend>{fieldName('contact')}</legend>
        {field('contactName', fieldName('contact.name'), {
          normalize: normalizeName,
          issues: issuesFor(issues, 'contact.name'),
        })}
        {field('contactRole', fieldName('contact.role'), {
          issues: issuesFor(issues, 'contact.role'),
        })}
        {field('contactPhone', fieldName('contact.phone'), {
          type: 'tel',
          inputMode: 'tel',
          issues: issuesFor(issues, 'contact.phone'),
        })}
        <IssueList
          issues={issues.filter((issue) => issue.field === 'contact')}
          id="enterprise-contact-issues"
        />
      </fieldset>
      {field('nextFollowUp', fieldName('nextFollowUp'), {
        placeholder: 'dd/mm/yyyy',
        inputMode: 'numeric',
      })}
      {field('notes', fieldName('notes'), { multiline: true })}
      <FormFooter hasErrors={issues.some((i) => i.level === 'error')} failure={failure} />
    </form>
  );
}
