import { DEFAULT_NATIONALITY, type SignupDraft } from '../../../shared/schemas';

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

export function newDraft(id: string, enterpriseId: string, signedAt: string): SignupDraft {
  return { id, enterpriseId, status: 'draft', nationality: DEFAULT_NATIONALITY, signedAt };
}

// What a new form holds before anyone types: its identity, the defaults, the signing date it
// starts with (series mode carries it), and the fields the device stamps.
const NOT_TYPED = new Set(['id', 'enterpriseId', 'status', 'signedAt', 'localUpdatedAt']);

/**
 * Nothing typed: such a draft is never kept (series mode's next blank form must not leave
 * "(chưa có tên) · 0%" behind, nor count as unsent at sign-out).
 */
export function isEmptyDraft(draft: SignupDraft): boolean {
  return Object.entries(draft).every(
    ([key, value]) =>
      NOT_TYPED.has(key) ||
      value === undefined ||
      value === '' ||
      value === false ||
      (key === 'nationality' && value === DEFAULT_NATIONALITY) ||
      (key === 'managerRole' && value === 'none'),
  );
}
