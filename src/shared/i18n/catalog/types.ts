/**
 * A catalogue part: the Vietnamese table is the reference and the English table must have
 * exactly the same keys, which the type below enforces at compile time.
 */
export type CataloguePart<K extends string> = { vi: Record<K, string>; en: Record<K, string> };

export function defineMessages<const V extends Record<string, string>>(
  vi: V,
  en: Record<keyof V, string>,
): CataloguePart<Extract<keyof V, string>> {
  return { vi, en } as CataloguePart<Extract<keyof V, string>>;
}
