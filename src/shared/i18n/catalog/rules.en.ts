import type { rulesVi } from './rules';

/** English of rules.ts; part of the English chunk. */
export const rulesEn: Record<keyof typeof rulesVi, string> = {
  'issue.required': '{field} is required.',
  'issue.invalid': '{field} is not valid.',
  'issue.too_long': '{field} is longer than {max} characters.',
  'issue.too_short': '{field} needs at least {min}.',
  'issue.too_small': '{field} must be at least {min}.',
  'issue.too_large': '{field} must not exceed {max}.',
  'issue.not_integer': '{field} must be a whole number.',
  'issue.duplicate': '{field} contains duplicates.',
  'issue.exceeds_worker_count': '{field} is greater than the number of workers: please check.',
  'issue.future': '{field} cannot be in the future.',
  'issue.mismatch': '{field} does not match the record.',
  'issue.malformed_text': '{field} contains broken characters (not valid text).',
  'issue.not_finite': '{field} must be an actual number.',
  'issue.before_signing': '{field} cannot be before the date the application was signed.',
  'issue.not_new_year': '{field} must be 1 January: this is a count at the start of the year.',

  'pipeline.not_enough_applications':
    'At least {min} applications or members are needed ({count} so far, {needed} more needed).',
  'pipeline.founding_decision_required':
    'The recognition decision number and date are needed to mark the union as founded.',
  'pipeline.not_enough_to_found':
    'Not enough to found a union: at least {min} submitted or accepted applications, or {min} members at founding, are needed ({count} so far).',
  'pipeline.founding_stage':
    'An enterprise with a recognition decision must be at “Union founded”.',
  'pipeline.founding_union_status': 'A founded union’s status must be “Has a grassroots union”.',
  'pipeline.founding_date': 'The founding date must be the date of the recognition decision.',

  'admission.not_admissible':
    'Only submitted applications (or rejected ones being reconsidered) can be accepted.',
  'admission.not_rejectable': 'Only submitted, undecided applications can be rejected.',
  'admission.already_member':
    'This ID number already belongs to a member (an accepted application).',
  'admission.duplicate_application':
    'This ID number is also on {count} other application(s) waiting for a decision.',
  'admission.issuer_unrelated':
    'The deciding unit must be the managing unit, a unit above it or a unit below it.',

  'target.duplicate': 'This unit already has this target for the year.',

  'forbidden.record_work': 'You may not record data for this unit.',
  'forbidden.edit_others_work': 'You may only edit or delete records you made yourself.',
  'forbidden.decide_signup': 'Only a supervisor or an administrator may decide an application.',
  'forbidden.record_founding': 'Only a supervisor or an administrator may record a founding.',
  'forbidden.record_entry':
    'Only a supervisor or an administrator may record membership movements and figures.',
  'forbidden.set_target': 'Only a supervisor or an administrator may set targets.',
  'forbidden.assign': 'Only a supervisor or an administrator may assign enterprises.',
  'forbidden.delete_accepted_signup':
    'Only an administrator may delete or revoke an accepted application.',
  'forbidden.undo_founding': 'Only an administrator may undo a founding.',
  'forbidden.manage_accounts': 'Only an administrator may manage units and accounts.',
  'forbidden.out_of_scope': 'This unit is outside your scope.',
  'forbidden.assignee': 'The assigned organizer must be an active user of the enterprise’s unit.',

  'eligibility.manager_role': '{role}: not eligible for membership (Guidance 38/HD-TLĐ).',
  'eligibility.serving_sentence': 'People serving a prison sentence are not eligible.',
  'eligibility.under_15': 'The worker was under 15 when signing ({age} years old).',
  'eligibility.foreign_contract':
    'Foreign workers need an indefinite contract or one of at least 12 months.',
  'eligibility.consent': 'The worker has not confirmed joining voluntarily.',

  'mutation.data_required': 'The record data is missing.',
  'mutation.data_unexpected': 'A delete must not carry data.',
  'mutation.redacted_without_record':
    'This copy lacks its personal fields and the record is no longer on the server, so it cannot be saved.',
  'mutation.sealed_with_data': 'A sync mutation carries sealed data or plain data, not both.',
  'mutation.id_mismatch': 'The record id does not match the mutation.',
  'mutation.invalid': 'The sync mutation is not valid.',
  'mutation.id_taken': 'This sync mutation id was already used for another change.',
  'mutation.replaced_unexpected': 'Only an edit of an existing version may list replaced values.',
  'mutation.replaced_field': 'The field "{field}" cannot be a replaced value.',
};
