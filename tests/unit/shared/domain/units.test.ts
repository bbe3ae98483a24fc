import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  childrenOf,
  isInSubtree,
  rootOf,
  unitAndDescendants,
} from '../../../../src/shared/domain';

// F > U > C > K, F > O.
const units = [
  { id: 'F' },
  { id: 'U', parentId: 'F' },
  { id: 'C', parentId: 'U' },
  { id: 'K', parentId: 'C' },
  { id: 'O', parentId: 'F' },
];

describe('the unit tree', () => {
  it.each<[string, string[], string[], string]>([
    // unit, below (itself included), above (nearest first), root
    ['F', ['C', 'F', 'K', 'O', 'U'], [], 'F'],
    ['U', ['C', 'K', 'U'], ['F'], 'F'],
    ['K', ['K'], ['C', 'U', 'F'], 'F'],
    ['O', ['O'], ['F'], 'F'],
  ])('%s', (unit, below, above, root) => {
    expect([...unitAndDescendants(units, unit)].sort()).toEqual(below);
    expect(ancestorsOf(units, unit)).toEqual(above);
    expect(rootOf(units, unit)).toBe(root);
  });

  it.each<[string, string, boolean]>([
    ['U', 'U', true],
    ['U', 'K', true],
    ['U', 'O', false],
    ['K', 'U', false],
  ])('%s contains %s: %s', (root, unit, expected) => {
    expect(isInSubtree(units, root, unit)).toBe(expected);
  });

  it('lists direct children only', () => {
    expect(childrenOf(units, 'F').map((unit) => unit.id)).toEqual(['U', 'O']);
  });

  it('stops on a cycle', () => {
    const cyclic = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect(ancestorsOf(cyclic, 'a')).toEqual(['b']);
    expect(rootOf(cyclic, 'a')).toBe('b');
  });
});
