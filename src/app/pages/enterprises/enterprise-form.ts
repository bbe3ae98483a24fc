import type { Enterprise } from '../../../shared/schemas';
import { formatDate } from '../../../shared/vn/core';
import { compact, parseCount, parseOptionalDate } from '../../forms/parse';
import { newId, nowWithOffset } from '../../ids';

/*
 * The enterprise form's map step, apart from the page: the typed fields, the record they make
 * when registering, and, when editing, ONLY the fields the user changed applied to the record as
 * stored at save time. An organizer who corrects the worker count changes the worker count: not
 * `assignedTo` (assignment is a supervisor's act, docs/design.md §3), nor a field a pull changed
 * while the form was open.
 */

export const ENTERPRISE_FORM_KEYS = [
  'name',
  'taxCode',
  'ownership',
  'sector',
  'provinceCode',
  'wardCode',
  'address',
  'industrialPark',
  'workerCount',
  'femaleWorkerCount',
  'memberCount',
  'unionStatus',
  'contactName',
  'contactRole',
  'contactPhone',
  'nextFollowUp',
  'notes',
] as const;
export type EnterpriseFormKey = (typeof ENTERPRISE_FORM_KEYS)[number];
export type EnterpriseForm = Record<EnterpriseFormKey, string>;

export function toForm(
  e: Enterprise | undefined,
  defaults: { name?: string; provinceCode?: string } = {},
): EnterpriseForm {
  return {
    name: e?.name ?? defaults.name ?? '',
    taxCode: e?.taxCode ?? '',
    ownership: e?.ownership ?? 'private',
    sector: e?.sector ?? '',
    provinceCode: e?.provinceCode ?? defaults.provinceCode ?? '',
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

const CONTACT_KEYS: readonly EnterpriseFormKey[] = ['contactName', 'contactRole', 'contactPhone'];

/** The record fields a form field sets (the three contact fields make one `contact`). */
function fieldValues(form: EnterpriseForm, key: EnterpriseFormKey): Record<string, unknown> {
  switch (key) {
    case 'workerCount':
    case 'femaleWorkerCount':
    case 'memberCount':
      return { [key]: parseCount(form[key]) };
    case 'nextFollowUp':
      return { nextFollowUp: parseOptionalDate(form.nextFollowUp) };
    case 'contactName':
    case 'contactRole':
    case 'contactPhone':
      return { contact: contactOf(form) };
    default:
      return { [key]: form[key] };
  }
}

function contactOf(form: EnterpriseForm): Enterprise['contact'] {
  if (!form.contactName.trim()) return undefined;
  const phone = form.contactPhone.trim();
  return { name: form.contactName, role: form.contactRole.trim(), ...(phone ? { phone } : {}) };
}

/** The form fields whose text differs from what the form opened with. */
export function changedKeys(initial: EnterpriseForm, current: EnterpriseForm): EnterpriseFormKey[] {
  return ENTERPRISE_FORM_KEYS.filter((key) => initial[key] !== current[key]);
}

/** A newly registered enterprise: created by an organizer, it is assigned to them. */
export function newEnterprise(form: EnterpriseForm, unitId: string, userId: string) {
  const fields = Object.assign({}, ...ENTERPRISE_FORM_KEYS.map((key) => fieldValues(form, key)));
  return compact({
    id: newId(),
    unitId,
    assignedTo: userId,
    stage: 'not_contacted',
    stageChangedAt: nowWithOffset(),
    ...fields,
  }) as Partial<Enterprise>;
}

/** `stored` with the changed fields applied; a field emptied by the user is removed. */
export function editedEnterprise(
  stored: Enterprise,
  initial: EnterpriseForm,
  current: EnterpriseForm,
): Partial<Enterprise> {
  const keys = changedKeys(initial, current);
  const touched = keys.some((key) => CONTACT_KEYS.includes(key))
    ? [...keys.filter((key) => !CONTACT_KEYS.includes(key)), 'contactName' as const]
    : keys;
  const patch = Object.assign({}, ...touched.map((key) => fieldValues(current, key)));
  return compact({ ...stored, ...patch }) as Partial<Enterprise>;
}
