import type * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldLabel, TOTALS } from '../../../../src/shared/domain';
import { hasMessage, loadLanguage, setLanguage, t } from '../../../../src/shared/i18n';
import {
  ADJUSTMENT_KIND,
  CONTRACT_TYPES,
  ENTRY_KINDS,
  enterpriseSchema,
  GENDERS,
  INDICATORS,
  indicatorEntrySchema,
  MANAGER_ROLES,
  OWNERSHIPS,
  PERSON_ROLES,
  SIGNUP_STATUSES,
  STAGES,
  signupSchema,
  targetSchema,
  UNION_STATUSES,
  UNIT_KINDS,
  USER_ROLES,
  unitSchema,
  userSchema,
  VISIT_PURPOSES,
  visitSchema,
} from '../../../../src/shared/schemas';

beforeAll(() => loadLanguage('en'));

const pickers: [string, readonly string[]][] = [
  ['stage', STAGES],
  ['ownership', OWNERSHIPS],
  ['union_status', UNION_STATUSES],
  ['purpose', VISIT_PURPOSES],
  ['person_role', PERSON_ROLES],
  ['contract_type', CONTRACT_TYPES],
  ['manager_role', MANAGER_ROLES],
  ['gender', GENDERS],
  ['signup_status', SIGNUP_STATUSES],
  ['unit_kind', UNIT_KINDS],
  ['user_role', USER_ROLES],
  ['indicator', INDICATORS],
  ['entry_kind', [...ENTRY_KINDS, ADJUSTMENT_KIND]],
  ['total', TOTALS],
];

describe('enum labels', () => {
  it.each(pickers.flatMap(([prefix, values]) => values.map((value) => `${prefix}.${value}`)))(
    '%s has a label in both languages',
    (key) => {
      expect(hasMessage(key)).toBe(true);
      if (!hasMessage(key)) return;
      expect(t(key, undefined, 'vi')).not.toBe('');
      expect(t(key, undefined, 'en')).not.toBe('');
    },
  );

  it('labels differ between languages where the words differ', () => {
    setLanguage('en');
    expect(t('stage.founded')).toBe('Union founded');
    setLanguage('vi');
    expect(t('stage.founded')).toBe('Đã thành lập CĐCS');
  });
});

type ObjectLike = { entries: Record<string, unknown> };

function keysOf(schema: v.GenericSchema): string[] {
  const withPipe = schema as unknown as {
    pipe?: readonly unknown[];
    entries?: Record<string, unknown>;
    options?: readonly v.GenericSchema[];
  };
  // A variant (indicator entries): the keys of every option.
  if (withPipe.options) return [...new Set(withPipe.options.flatMap(keysOf))];
  const object = (withPipe.entries ? withPipe : withPipe.pipe?.[0]) as ObjectLike;
  return Object.keys(object.entries);
}

const entities: [string, v.GenericSchema][] = [
  ['enterprise', enterpriseSchema],
  ['visit', visitSchema],
  ['signup', signupSchema],
  ['unit', unitSchema],
  ['user', userSchema],
  ['target', targetSchema],
  ['indicator_entry', indicatorEntrySchema],
];

describe('field labels', () => {
  it.each(entities.flatMap(([entity, schema]) => keysOf(schema).map((key) => [entity, key])))(
    '%s.%s has a label',
    (entity, key) => {
      expect(fieldLabel(entity, key)).not.toBe(key);
    },
  );
});
