import type { DomainKey } from './domain';

/** English of domain.ts, loaded only when the user chooses English. */
export const domainEn: Record<DomainKey, string> = {
  'stage.not_contacted': 'Not contacted',
  'stage.surveyed': 'Surveyed',
  'stage.persuading': 'Persuading',
  'stage.committee_formed': 'Organizing committee formed',
  'stage.collecting_applications': 'Collecting applications',
  'stage.eligible': 'Eligible to found',
  'stage.founding_meeting_held': 'Founding meeting held',
  'stage.dossier_submitted': 'Dossier submitted',
  'stage.founded': 'Union founded',
  'stage.refused': 'Refused',
  'stage.closed': 'Closed down',
  'stage.has_union': 'Already has a union',

  'ownership.private': 'Domestic private enterprise',
  'ownership.fdi': 'Foreign-invested enterprise (FDI)',
  'ownership.cooperative': 'Cooperative',
  'ownership.household': 'Household business',
  'ownership.other': 'Other',

  'union_status.none': 'No union',
  'union_status.founding': 'Union being founded',
  'union_status.cdcs': 'Has a grassroots union',
  'union_status.other_org': 'Has another workers’ organisation',

  'purpose.survey': 'Survey',
  'purpose.persuade_employer': 'Persuade the employer',
  'purpose.persuade_workers': 'Persuade workers',
  'purpose.collect_applications': 'Collect applications',
  'purpose.support_committee': 'Support the organizing committee',
  'purpose.care': 'Care and support',
  'purpose.legal_advice': 'Legal advice',
  'purpose.other': 'Other purpose',

  'person_role.employer': 'Employer',
  'person_role.hr': 'HR staff',
  'person_role.worker': 'Worker',
  'person_role.committee': 'Committee member',
  'person_role.other': 'Other person',

  'contract_type.indefinite': 'Indefinite term',
  'contract_type.fixed': 'Fixed term',
  'contract_type.none': 'No labour contract',

  'manager_role.none': 'No management position',
  'manager_role.owner': 'Owner',
  'manager_role.board_member': 'Chair or board member',
  'manager_role.director': 'Director or general director',
  'manager_role.contract_signer': 'Authorised to sign labour contracts',
  'manager_role.coop_manager': 'Cooperative manager',
  'manager_role.public_unit_head': 'Head of a non-public service unit',

  'gender.male': 'Male',
  'gender.female': 'Female',

  'signup_status.draft': 'Draft',
  'signup_status.submitted': 'Submitted',
  'signup_status.accepted': 'Admitted',
  'signup_status.rejected': 'Not admitted',

  'unit_kind.federation': 'Provincial federation',
  'unit_kind.upper': 'Direct upper-level union',
  'unit_kind.commune': 'Commune/ward union',
  'unit_kind.sector': 'Sector union',
  'unit_kind.cdcs': 'Grassroots union',
  'unit_kind.ndcs': 'Grassroots trade-based union',

  'user_role.organizer': 'Organizer',
  'user_role.supervisor': 'Supervisor',
  'user_role.admin': 'Administrator',

  'indicator.new_members': 'New members admitted',
  'indicator.net_members': 'Net member increase',
  'indicator.new_cdcs': 'New grassroots unions',
  'indicator.new_cdcs_25': 'New grassroots unions (25+ workers)',
  'indicator.new_ndcs': 'New trade-based unions',
  'indicator.party_introductions': 'Members introduced to the Party',
  'indicator.informal_members': 'New members in the informal sector',
  'indicator.party_admissions': 'Members admitted to the Party',

  'entry_kind.members_opening': 'Members on 1 January',
  'entry_kind.admitted_outside': 'Admitted by decisions outside the app',
  'entry_kind.left': 'Members who left (quit the job, resigned, removed)',
  'entry_kind.transferred_in': 'Members transferred in',
  'entry_kind.transferred_out': 'Members transferred out',
  'entry_kind.informal_admitted': 'Of those admitted: informal-sector workers',
  'entry_kind.cdcs_opening': 'Grassroots unions on 1 January',
  'entry_kind.cdcs_founded_outside': 'Grassroots unions founded outside the app',
  'entry_kind.cdcs25_founded_outside': 'Of those: at enterprises of 25+ workers',
  'entry_kind.cdcs_dissolved': 'Grassroots unions dissolved',
  'entry_kind.ndcs_opening': 'Trade-based unions on 1 January',
  'entry_kind.ndcs_founded': 'Trade-based unions founded',
  'entry_kind.party_introduced': 'Outstanding members introduced to the Party',
  'entry_kind.party_admitted': 'Introduced members admitted to the Party',
  'entry_kind.adjustment': 'Adjustment (migrated from the old entry form)',

  'total.members': 'Members',
  'total.cdcs': 'Grassroots unions',
  'total.ndcs': 'Trade-based unions',

  'period.month': 'Month {month}/{year}',
  'period.ytd': 'Year to date ({date})',
  'period.quarter': 'Quarter {quarter}/{year}',

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
  'password.common':
    'This password is on the list of common passwords and easy to guess: choose another.',
  'password.contains_username': 'The password must not contain the username.',
  'password.repeated_character': 'The password must not be one character repeated.',
  'password.current_wrong': 'The current password is wrong.',

  'api_error.bad_request': 'The request is not valid.',
  'api_error.validation_failed': 'The data is not valid.',
  'api_error.unauthorized': 'Your session has expired, please log in again.',
  'api_error.invalid_credentials': 'Wrong username or password.',
  'api_error.forbidden': 'You may not access this data.',
  'api_error.not_found': 'Not found.',
  'api_error.conflict': 'The data was changed elsewhere.',
  'api_error.payload_too_large': 'Too much data in one request.',
  'api_error.rate_limited': 'Too many attempts, please wait a moment.',
  'api_error.invalid_cursor': 'Invalid sync position: a full reload is needed.',
  'api_error.mutation_id_taken': 'This sync mutation id was already used for another change.',
  'api_error.internal': 'Server error, please try again later.',

  'field.wardCode': 'Commune/ward',
  'field.stage': 'Stage',
};
