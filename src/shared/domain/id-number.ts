/**
 * The form an ID number is compared in: letters and digits only, upper-case (a passport typed
 * `b 1234567` and stored `B1234567` is one person). SQL: upper(regexp_replace(id, '[^0-9A-Za-z]',
 * '', 'g')). A module of its own: the device derives it on every stored application (its
 * duplicate index), on the first screen's code path, which carries no admission rules.
 */
export function idNumberKey(idNumber: string | undefined): string {
  return (idNumber ?? '').replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}
