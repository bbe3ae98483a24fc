import type { SignupDraft } from '../../../shared/schemas';

/** Fields an application cannot be submitted without; the drafts list shows how many are done. */
export const REQUIRED_FIELDS = [
  'fullName',
  'dateOfBirth',
  'gender',
  'idNumber',
  'contractType',
  'signedAt',
  'consent',
] as const satisfies readonly (keyof SignupDraft)[];

export function completeness(draft: SignupDraft): number {
  const filled = REQUIRED_FIELDS.filter((field) => {
    const value = draft[field];
    return field === 'consent' ? value === true : value !== undefined && value !== '';
  });
  return Math.round((filled.length / REQUIRED_FIELDS.length) * 100);
}

/** The draft without empty strings: a field cleared by the user is absent, not ''. */
export function withoutEmpty(draft: SignupDraft): SignupDraft {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) {
    if (value !== '' && value !== undefined) out[key] = value;
  }
  return out as SignupDraft;
}
