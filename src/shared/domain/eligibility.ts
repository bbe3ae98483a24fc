import { t } from '../i18n';
import type { ContractType, ManagerRole } from '../schemas';
import { DEFAULT_NATIONALITY } from '../schemas';
import type { Issue } from '../vn/issue';
import { makeIssue } from '../vn/issue';
import { ageOn } from './dates';

/**
 * Who may join (Hướng dẫn 38/HD-TLĐ §1.2, Trade Union Law 2024; docs/design.md §4). Findings, not a
 * yes/no, so the organizer sees every reason at once:
 * - owners, chairs and board members, (general) directors, anyone authorised to sign labour
 *   contracts, cooperative managers, heads of non-public service units → error;
 * - serving a prison sentence → error;
 * - under 15 on the signing date → warning (minors may work in some jobs; the union decides);
 * - a foreign worker needs an indefinite contract or a fixed one of ≥ 12 months → error;
 * - voluntary consent must be given → error.
 */

export const MIN_AGE = 15;
export const MIN_FOREIGN_CONTRACT_MONTHS = 12;

export type EligibilityInput = {
  managerRole?: ManagerRole | undefined;
  servingSentence?: boolean | undefined;
  /** ISO dates. */
  dateOfBirth?: string | undefined;
  signedAt?: string | undefined;
  nationality?: string | undefined;
  contractType?: ContractType | undefined;
  contractMonths?: number | undefined;
  consent?: boolean | undefined;
};

export type EligibilityOptions = {
  /**
   * `draft`: only what has been filled in is judged (no consent yet, no contract yet is fine).
   * `submitted` (default): missing consent or contract terms are errors.
   */
  mode?: 'draft' | 'submitted';
  /** ISO date used for the age when `signedAt` is absent. */
  today?: string;
};

export function checkEligibility(
  input: EligibilityInput,
  options: EligibilityOptions = {},
): Issue[] {
  const draft = options.mode === 'draft';
  return [
    ...managerIssues(input),
    ...ageIssues(input, options.today),
    ...foreignContractIssues(input, draft),
    ...(draft || input.consent === true
      ? []
      : [makeIssue('consent', 'error', 'eligibility.consent')]),
  ];
}

function managerIssues(input: EligibilityInput): Issue[] {
  const issues: Issue[] = [];
  const role = input.managerRole;
  if (role !== undefined && role !== 'none') {
    issues.push(
      makeIssue('managerRole', 'error', 'eligibility.manager_role', {
        role: t(`manager_role.${role}`),
      }),
    );
  }
  if (input.servingSentence === true) {
    issues.push(makeIssue('servingSentence', 'error', 'eligibility.serving_sentence'));
  }
  return issues;
}

function ageIssues(input: EligibilityInput, today: string | undefined): Issue[] {
  const on = input.signedAt ?? today;
  if (input.dateOfBirth === undefined || on === undefined) return [];
  const age = ageOn(input.dateOfBirth, on);
  if (age === undefined || age >= MIN_AGE) return [];
  return [makeIssue('dateOfBirth', 'warning', 'eligibility.under_15', { age: Math.max(0, age) })];
}

/** Absent or empty nationality means Vietnamese (the model's default). */
export function isForeign(nationality: string | undefined): boolean {
  const code = (nationality ?? '').trim().toUpperCase();
  return code !== '' && code !== DEFAULT_NATIONALITY;
}

function foreignContractIssues(input: EligibilityInput, draft: boolean): Issue[] {
  if (!isForeign(input.nationality)) return [];
  const { contractType, contractMonths } = input;
  if (contractType === 'indefinite') return [];
  if (contractType === undefined) {
    return draft ? [] : [makeIssue('contractType', 'error', 'eligibility.foreign_contract')];
  }
  if (contractType === 'none') {
    return [makeIssue('contractType', 'error', 'eligibility.foreign_contract')];
  }
  if (contractMonths === undefined && draft) return [];
  if (contractMonths !== undefined && contractMonths >= MIN_FOREIGN_CONTRACT_MONTHS) return [];
  return [makeIssue('contractMonths', 'error', 'eligibility.foreign_contract')];
}
