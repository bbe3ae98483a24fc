import type { supervisorVi } from './supervisor';

/** English of the supervisor's screens (see supervisor.ts); part of the English chunk. */
export const supervisorEn: Record<keyof typeof supervisorVi, string> = {
  'supervisor.tabs': 'Supervisor’s work',
  'supervisor.tab.admissions': 'Admissions',
  'supervisor.tab.entries': 'Movements',
  'supervisor.tab.targets': 'Targets',
  'supervisor.tab.assignments': 'Assignments',
  'supervisor.notAllowed': 'This is for supervisors and administrators.',
  'supervisor.more': 'Show more ({count, number} left)',

  'admissions.title': 'Membership admissions',
  'admissions.filters': 'Filter the waiting applications',
  'admissions.filter.unit': 'Unit',
  'admissions.filter.enterprise': 'Enterprise',
  'admissions.filter.organizer': 'Collected by',
  'admissions.filter.from': 'Signed from',
  'admissions.filter.to': 'Signed until',
  'admissions.filter.all': 'All',
  'admissions.count':
    '{count, plural, =0 {No application waiting} one {# application waiting} other {# applications waiting}}',
  'admissions.selectAll': 'Select all {count, number} shown',
  'admissions.select': 'Select the application of {name}',
  'admissions.signed': 'Signed {date}',
  'admissions.list': 'Applications waiting',
  'admissions.col.name': 'Full name',
  'admissions.col.idNumber': 'ID or passport number',
  'admissions.col.enterprise': 'Enterprise',
  'admissions.col.signed': 'Signed',
  'admissions.col.organizer': 'Collected by',
  'admissions.col.issues': 'Notes',
  'admissions.col.actions': 'Actions',
  'admissions.noIssue': 'Nothing to note',
  'admissions.decision': 'Admission decision',
  'admissions.accept':
    '{count, plural, =0 {Select applications to admit} one {Admit the selected application} other {Admit # selected applications}}',
  'admissions.noneSelected': 'No application selected.',
  'admissions.accepted':
    '{count, plural, one {# application admitted.} other {# applications admitted.}}',
  'admissions.refused':
    '{count, plural, one {# application could not be admitted:} other {# applications could not be admitted:}}',
  'admissions.reject': 'Reject',
  'admissions.rejectOf': 'Reject the application of {name}',
  'admissions.rejectConfirm': 'Confirm the rejection',
  'admissions.rejected': 'The application of {name} was rejected.',
  'admissions.organizer.self': '{name} (you)',

  'founding.title': 'Record the founding of a grassroots union',
  'founding.applications':
    'The enterprise has {count, number} submitted or accepted applications; a founding needs at least 5 applications or 5 members.',
  'founding.workerHint': 'This figure is kept even when the worker count changes later.',
  'founding.save': 'Record the founding',
  'founding.already': 'This enterprise already has a recognition decision; saving corrects it.',
};
