/**
 * A save that sealed its record for the server before its transaction (the seal is Web Crypto,
 * which may not run inside it) found, in the transaction, that the stored row it was built on
 * changed meanwhile: the seal would not match what is stored, so the save is done again.
 */
export class ChangedMeanwhile extends Error {
  override readonly name = 'ChangedMeanwhile';
}

/** Same record, field for field (both built by the same code from plain JSON values). */
export function sameRecord(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
