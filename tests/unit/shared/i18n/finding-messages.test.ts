import { describe, expect, it, vi } from 'vitest';

/*
 * The messages of the validators' and the rules' findings are not in the catalogue's core (the
 * first screen makes no finding and does not carry them): the modules that make findings add them
 * as they load. Each case starts from fresh modules, so nothing loaded earlier adds them.
 */
const SRC = '../../../../src/shared';

async function freshCatalogue() {
  vi.resetModules();
  const i18n = await import(`${SRC}/i18n`);
  const { rulesVi } = await import(`${SRC}/i18n/catalog/rules`);
  const { vnVi } = await import(`${SRC}/i18n/catalog/vn`);
  const keys = [...Object.keys(rulesVi), ...Object.keys(vnVi)];
  return { hasMessage: i18n.hasMessage as (key: string) => boolean, keys };
}

describe("findings' messages", () => {
  it('are not in the catalogue before a module that makes findings is loaded', async () => {
    const { hasMessage, keys } = await freshCatalogue();
    expect(keys.filter(hasMessage)).toEqual([]);
  });

  it.each([
    ['vn/issue.ts (makeIssue)', `${SRC}/vn/issue`],
    ['domain/issues.ts (schema findings)', `${SRC}/domain/issues`],
  ])('are all there once %s is loaded', async (_name, module) => {
    const { hasMessage, keys } = await freshCatalogue();
    await import(module);
    const expected = module.endsWith('domain/issues')
      ? keys.filter((key) => key.startsWith('issue.'))
      : keys;
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.filter((key) => !hasMessage(key))).toEqual([]);
  });
});
