import { describe, expect, it } from 'vitest';
import { runSave, SaidError, saveFailureMessage } from '../../../src/app/forms/submit';
import {
  changedKeys,
  editedEnterprise,
  newEnterprise,
  toForm,
} from '../../../src/app/pages/enterprises/enterprise-form';
import { isEmptyDraft, newDraft } from '../../../src/app/pages/signups/draft-fields';
import { StorageFullError, ValidationError } from '../../../src/db';
import type { Issue } from '../../../src/shared/vn/core';
import { makeEnterprise, makeSignupDraft } from '../../fixtures/records';

const issue = (field: string, level: Issue['level'] = 'error'): Issue => ({
  field,
  level,
  code: `x.${field}`,
  message: `${field} sai`,
});

describe('runSave: validate, save, go on', () => {
  it.each<
    [string, () => Promise<string>, { issues: string[]; failure: RegExp | ''; saved: boolean }]
  >([
    ['saved', async () => 'ok', { issues: [], failure: '', saved: true }],
    [
      'the storage refused it with field issues',
      async () => {
        throw new ValidationError('signup', [issue('idNumber')]);
      },
      { issues: ['idNumber'], failure: '', saved: false },
    ],
    [
      'the device is full',
      async () => {
        throw new StorageFullError('quota', new Error('full'));
      },
      { issues: [], failure: /^Máy đã hết chỗ lưu/, saved: false },
    ],
    [
      'something else broke',
      async () => {
        throw new Error('boom');
      },
      { issues: [], failure: /^Chưa lưu được \(boom\)/, saved: false },
    ],
  ])('%s', async (_label, save, expected) => {
    const done: string[] = [];
    const outcome = await runSave({
      validate: () => ({ value: 'record', issues: [] }),
      save,
      done: (saved) => done.push(saved),
    });
    expect(outcome.issues.map((i) => i.field)).toEqual(expected.issues);
    if (expected.failure === '') expect(outcome.failure).toBe('');
    else expect(outcome.failure).toMatch(expected.failure);
    expect(outcome.saved).toBe(expected.saved);
    expect(done).toEqual(expected.saved ? ['ok'] : []);
  });

  it('saves nothing when the check finds an error, and goes on with warnings', async () => {
    const saves: string[] = [];
    const refused = await runSave({
      validate: () => ({ value: 'record', issues: [issue('fullName')] }),
      save: async (value) => saves.push(value),
      done: () => undefined,
    });
    expect(refused).toMatchObject({ saved: false, failure: '' });
    expect(saves).toEqual([]);
    const warned = await runSave({
      validate: () => ({ value: 'record', issues: [issue('idNumber', 'warning')] }),
      save: async (value) => saves.push(value),
      done: () => undefined,
    });
    expect(warned.saved).toBe(true);
    expect(saves).toEqual(['record']);
  });

  it('never shows an error as String(error) without words around it', () => {
    expect(saveFailureMessage(new Error('x'))).toBe(
      'Chưa lưu được (x). Thông tin đã nhập vẫn còn trên màn hình; hãy thử lại.',
    );
  });

  it('shows a refusal already in the user’s words as it is', async () => {
    const refused = await runSave({
      validate: () => ({ value: 1, issues: [] }),
      save: () => Promise.reject(new SaidError('Tháng này đã được chốt số liệu.')),
      done: () => undefined,
    });
    expect(refused).toEqual({
      issues: [],
      failure: 'Tháng này đã được chốt số liệu.',
      saved: false,
    });
  });
});

describe('enterprise edits change only what the user changed', () => {
  const stored = makeEnterprise({ workerCount: 100 });
  const { assignedTo: _, ...unassigned } = stored;

  it.each<[string, Partial<ReturnType<typeof toForm>>, Record<string, unknown>]>([
    ['the worker count', { workerCount: '120' }, { workerCount: 120 }],
    ['a name', { name: 'Công ty Mới' }, { name: 'Công ty Mới' }],
    ['an emptied sector', { sector: '' }, { sector: undefined }],
    [
      'the contact phone',
      { contactPhone: '0918123456' },
      { contact: { ...stored.contact, phone: '0918123456' } },
    ],
  ])('%s', (_label, change, expected) => {
    const initial = toForm(unassigned);
    const edited = editedEnterprise(unassigned, initial, { ...initial, ...change });
    expect(edited).toEqual(
      Object.fromEntries(
        Object.entries({ ...unassigned, ...expected }).filter(([, v]) => v !== undefined),
      ),
    );
    expect(edited.assignedTo).toBeUndefined();
  });

  it('applies the change to the record as stored now, not as the form opened it', () => {
    const initial = toForm(stored);
    const pulled = { ...stored, memberCount: 9, assignedTo: 'someone-else' };
    const edited = editedEnterprise(pulled, initial, { ...initial, workerCount: '150' });
    expect(edited).toMatchObject({ workerCount: 150, memberCount: 9, assignedTo: 'someone-else' });
  });

  it('lists the changed fields, and assigns a new enterprise to its creator', () => {
    const initial = toForm(undefined, { name: 'Xưởng Gỗ' });
    expect(initial.name).toBe('Xưởng Gỗ');
    expect(changedKeys(initial, { ...initial, address: 'Ấp 3', notes: 'x' })).toEqual([
      'address',
      'notes',
    ]);
    expect(newEnterprise(initial, 'unit-1', 'user-1')).toMatchObject({
      name: 'Xưởng Gỗ',
      unitId: 'unit-1',
      assignedTo: 'user-1',
      stage: 'not_contacted',
    });
  });
});

describe('isEmptyDraft', () => {
  const blank = newDraft(makeSignupDraft().id, makeSignupDraft().enterpriseId, '01/11/2026');
  it.each<[string, Record<string, unknown>, boolean]>([
    ['a new form', {}, true],
    ['a box ticked and unticked', { consent: false, servingSentence: false }, true],
    ['no management role', { managerRole: 'none' }, true],
    ['a cleared name', { fullName: '' }, true],
    ['a name', { fullName: 'An' }, false],
    ['another nationality', { nationality: 'KR' }, false],
    ['a phone', { phone: '09' }, false],
    ['consent given', { consent: true }, false],
  ])('%s: %s', (_label, patch, empty) => {
    expect(isEmptyDraft({ ...blank, ...patch })).toBe(empty);
  });
});
