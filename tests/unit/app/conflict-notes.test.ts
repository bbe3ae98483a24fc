import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { noteValue } from '../../../src/app/pages/ConflictNotes';
import { loadLanguage, setLanguage } from '../../../src/shared/i18n';

beforeAll(() => loadLanguage('en'));
afterEach(() => setLanguage('vi'));

describe('a replaced value as the sync screen shows it', () => {
  it.each<[string, string, unknown, string, string]>([
    ['an address', 'address', '7 Đường số 9', '7 Đường số 9', '7 Đường số 9'],
    ['an empty field', 'notes', undefined, '(để trống)', '(empty)'],
    ['an emptied text', 'notes', '', '(để trống)', '(empty)'],
    ['a count', 'workerCount', 1200, '1.200', '1,200'],
    ['a stage', 'stage', 'persuading', 'Đang vận động', 'Persuading'],
    ['a yes or no', 'hasUnion', true, 'Có', 'Yes'],
    ['a text that is no label', 'sector', 'Dệt may', 'Dệt may', 'Dệt may'],
    [
      'a contact',
      'contact',
      { name: 'Trần Văn Minh', role: 'Giám đốc' },
      'Trần Văn Minh · Giám đốc',
      'Trần Văn Minh · Giám đốc',
    ],
    ['a list', 'purposes', ['a', 2], 'a · 2', 'a · 2'],
  ])('%s', (_name, field, value, vi, en) => {
    setLanguage('vi');
    expect(noteValue(field, value)).toBe(vi);
    setLanguage('en');
    expect(noteValue(field, value)).toBe(en);
  });
});
