import { addScreenMessages, type MessageKey, t } from '../shared/i18n';
import { fieldsVi } from '../shared/i18n/catalog/fields';

// The field labels travel with the screens that name fields, not with the first screen.
addScreenMessages(fieldsVi);

/** Label of a record's field from the catalogue (`field.fullName`, `field.visit.outcome`, …). */
export function fieldName(field: string): string {
  return t(`field.${field}` as MessageKey);
}
