import { type MessageKey, t } from '../shared/i18n';

/** Label of an enum value from the catalogue (`stage.persuading`, `ownership.fdi`, …). */
export function enumLabel(prefix: string, value: string): string {
  return t(`${prefix}.${value}` as MessageKey);
}

export function enumOptions<T extends string>(prefix: string, values: readonly T[]) {
  return values.map((value) => ({ value, label: enumLabel(prefix, value) }));
}
