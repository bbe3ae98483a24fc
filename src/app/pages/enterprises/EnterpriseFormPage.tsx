import { useEffect, useState } from 'preact/hooks';
import { getEnterprise, StorageFullError, saveEnterprise } from '../../../db';
import { checkEnterprise } from '../../../shared/domain';
import { t } from '../../../shared/i18n';
import { type Enterprise, OWNERSHIPS, UNION_STATUSES } from '../../../shared/schemas';
import { formatDate, type Issue } from '../../../shared/vn/core';
import { appDb } from '../../db';
import { FormFooter } from '../../forms/FormFooter';
import { IssueList, issuesFor, SelectField, TextField } from '../../forms/fields';
import { compact, parseCount, parseOptionalDate } from '../../forms/parse';
import { useAdminUnits } from '../../hooks/useAdminUnits';
import { newId, nowWithOffset } from '../../ids';
import { enumOptions, fieldName } from '../../labels';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { afterWrite } from '../../sync-scheduler';

type Form = Record<
  | 'name'
  | 'taxCode'
  | 'ownership'
  | 'sector'
  | 'provinceCode'
  | 'wardCode'
  | 'address'
  | 'industrialPark'
  | 'workerCount'
  | 'femaleWorkerCount'
  | 'memberCount'
  | 'unionStatus'
  | 'contactName'
  | 'contactRole'
  | 'contactPhone'
  | 'nextFollowUp'
  | 'notes',
  string
>;

const LAST_PROVINCE = 'sotay.lastProvince';

function toForm(e: Enterprise | undefined): Form {
  return {
    name: e?.name ?? '',
    taxCode: e?.taxCode ?? '',
    ownership: e?.ownership ?? 'private',
    sector: e?.sector ?? '',
    provinceCode: e?.provinceCode ?? localStorage.getItem(LAST_PROVINCE) ?? '',
    wardCode: e?.wardCode ?? '',
    address: e?.address ?? '',
    industrialPark: e?.industrialPark ?? '',
    workerCount: e?.workerCount?.toString() ?? '',
    femaleWorkerCount: e?.femaleWorkerCount?.toString() ?? '',
    memberCount: e?.memberCount?.toString() ?? '',
    unionStatus: e?.unionStatus ?? 'none',
    contactName: e?.contact?.name ?? '',
    contactRole: e?.contact?.role ?? '',
    contactPhone: e?.contact?.phone ?? '',
    nextFollowUp: e?.nextFollowUp ? formatDate(e.nextFollowUp) : '',
    notes: e?.notes ?? '',
  };
}

function toRecord(form: Form, base: Enterprise | undefined, unitId: string, userId: string) {
  const phone = form.contactPhone.trim();
  const contact = form.contactName.trim()
    ? { name: form.contactName, role: form.contactRole.trim(), ...(phone ? { phone } : {}) }
    : undefined;
  return compact({
    ...base,
    id: base?.id ?? newId(),
    unitId: base?.unitId ?? unitId,
    assignedTo: base?.assignedTo ?? userId,
    stage: base?.stage ?? 'not_contacted',
    stageChangedAt: base?.stageChangedAt ?? nowWithOffset(),
    name: form.name,
    taxCode: form.taxCode,
    ownership: form.ownership,
    sector: form.sector,
    provinceCode: form.provinceCode,
    wardCode: form.wardCode,
    address: form.address,
    industrialPark: form.industrialPark,
    workerCount: parseCount(form.workerCount),
    femaleWorkerCount: parseCount(form.femaleWorkerCount),
    memberCount: parseCount(form.memberCount),
    unionStatus: form.unionStatus,
    contact,
    nextFollowUp: parseOptionalDate(form.nextFollowUp),
    notes: form.notes,
  });
}

export function EnterpriseFormPage({ id }: { id?: string | undefined }) {
  const session = useSession();
  const units = useAdminUnits();
  const [base, setBase] = useState<Enterprise | undefined>();
  const [form, setForm] = useState<Form | undefined>(id ? undefined : toForm(undefined));
  const [issues, setIssues] = useState<Issue[]>([]);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    if (!id) return;
    getEnterprise(appDb(), id).then((found) => {
      setBase(found);
      setForm(toForm(found));
    });
  }, [id]);

  if (!form) return <p>{t('common.loading')}</p>;
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const field = (name: keyof Form, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      id={`enterprise-${name}`}
      label={label}
      value={form[name]}
      onValue={(value) => set({ [name]: value })}
      issues={issuesFor(issues, name)}
      {...extra}
    />
  );

  const save = async (event: Event) => {
    event.preventDefault();
    const result = checkEnterprise(toRecord(form, base, session.user.unitId, session.user.id));
    setIssues(result.issues);
    if (!result.value) return;
    try {
      const saved = await saveEnterprise(appDb(), result.value);
      localStorage.setItem(LAST_PROVINCE, saved.provinceCode);
      afterWrite();
      navigate(`/enterprises/${saved.id}`, { replace: true });
    } catch (error) {
      setFailure(error instanceof StorageFullError ? t('storage.quotaError') : String(error));
    }
  };

  const provinceOptions = (units?.provinces() ?? []).map((p) => ({ value: p.code, label: p.name }));
  const wardOptions = form.provinceCode
    ? (units?.wards(form.provinceCode) ?? []).map((w) => ({ value: w.code, label: w.name }))
    : [];

  return (
    <form class="page" onSubmit={save} noValidate>
      <h1>{base ? t('enterprise.edit') : t('enterprise.new')}</h1>
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
        {field('contactName', fieldName('contact.name'))}
        {field('contactRole', fieldName('contact.role'))}
        {field('contactPhone', fieldName('contact.phone'), { type: 'tel', inputMode: 'tel' })}
        <IssueList issues={issuesFor(issues, 'contact')} />
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
