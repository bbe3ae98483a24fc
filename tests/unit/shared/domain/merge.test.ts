import { describe, expect, it } from 'vitest';
import { mergeRecords } from '../../../../src/shared/domain';

type R = Record<string, unknown>;

describe('mergeRecords (three-way, field by field)', () => {
  it.each<[string, R | undefined, R, R, R, string[]]>([
    ['nothing changed', { a: 1 }, { a: 1 }, { a: 1 }, { a: 1 }, []],
    ['only the device changed', { a: 1, b: 1 }, { a: 2, b: 1 }, { a: 1, b: 1 }, { a: 2, b: 1 }, []],
    ['only the server changed', { a: 1, b: 1 }, { a: 1, b: 1 }, { a: 1, b: 3 }, { a: 1, b: 3 }, []],
    [
      'different fields on each side',
      { a: 1, b: 1 },
      { a: 2, b: 1 },
      { a: 1, b: 3 },
      { a: 2, b: 3 },
      [],
    ],
    ['same field, same new value', { a: 1 }, { a: 5 }, { a: 5 }, { a: 5 }, []],
    [
      'same field, different values: device wins, flagged',
      { a: 1 },
      { a: 2 },
      { a: 3 },
      { a: 2 },
      ['a'],
    ],
    [
      'device cleared a field the server kept',
      { a: 1, b: 1 },
      { a: 1 },
      { a: 1, b: 1 },
      { a: 1 },
      [],
    ],
    ['device cleared a field the server changed', { b: 1 }, {}, { b: 2 }, {}, ['b']],
    ['server added a field', { a: 1 }, { a: 1 }, { a: 1, c: 1 }, { a: 1, c: 1 }, []],
    [
      'nested objects compare by value',
      { c: { n: 'x' } },
      { c: { n: 'y' } },
      { c: { n: 'x' } },
      { c: { n: 'y' } },
      [],
    ],
    [
      'no base known: every difference is a conflict',
      undefined,
      { a: 1 },
      { a: 2 },
      { a: 1 },
      ['a'],
    ],
    [
      'server-set fields come from the server',
      { version: 1 },
      { version: 1 },
      { version: 4, updatedBy: 'u' },
      { version: 4, updatedBy: 'u' },
      [],
    ],
  ])('%s', (_name, base, local, remote, merged, conflicts) => {
    const result = mergeRecords<R>(base, local, remote);
    expect(result.merged).toEqual(merged);
    expect(result.conflicts).toEqual(conflicts);
    // What the merge overwrote of the server's: the field and the server's value there.
    expect(result.replaced).toEqual(
      conflicts.map((field) =>
        remote[field] === undefined ? { field } : { field, value: remote[field] },
      ),
    );
  });

  it('lists the server values it replaced, field by field, sorted', () => {
    const result = mergeRecords<R>(
      { address: 'A0', workerCount: 10, notes: 'n' },
      { address: 'B', workerCount: 12, notes: 'n', sector: 'Dệt may' },
      { address: 'A', workerCount: 11, notes: 'n2' },
    );
    expect(result.merged).toEqual({
      address: 'B',
      workerCount: 12,
      notes: 'n2',
      sector: 'Dệt may',
    });
    expect(result.replaced).toEqual([
      { field: 'address', value: 'A' },
      { field: 'workerCount', value: 11 },
    ]);
  });
});
