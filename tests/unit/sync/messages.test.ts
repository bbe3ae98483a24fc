import { describe, expect, it } from 'vitest';
import { DRAIN_MESSAGE, readWorkerMessage } from '../../../src/sync';

describe('readWorkerMessage', () => {
  it.each<[string, unknown, string | undefined]>([
    ['the drain request', DRAIN_MESSAGE, 'SOTAY_DRAIN'],
    ["workbox-window's update", { type: 'SKIP_WAITING' }, 'SKIP_WAITING'],
    ['a known type with more fields', { type: 'SOTAY_DRAIN', force: true }, 'SOTAY_DRAIN'],
    ['an unknown type', { type: 'SOTAY_DELETE_ALL' }, undefined],
    ['a type of another case', { type: 'sotay_drain' }, undefined],
    ['a bare string', 'SOTAY_DRAIN', undefined],
    ['null', null, undefined],
    ['an array', ['SOTAY_DRAIN'], undefined],
    ['a type that is not a string', { type: 1 }, undefined],
  ])('%s', (_, data, type) => {
    expect(readWorkerMessage(data)?.type).toBe(type);
  });

  it('keeps nothing but the type: a page cannot smuggle options such as force', () => {
    expect(readWorkerMessage({ type: 'SOTAY_DRAIN', force: true })).toEqual({
      type: 'SOTAY_DRAIN',
    });
  });
});
