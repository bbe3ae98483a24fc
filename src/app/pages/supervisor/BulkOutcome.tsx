import type { Issue } from '../../../shared/vn/issue';

/** What a decision on many records did: how many it wrote, and those it could not, with why. */
export type BulkResult = { done: number; refused: readonly { id: string; issues: Issue[] }[] };

type Props = {
  result: BulkResult;
  /** "Đã kết nạp 5 đơn.": shown when something was written, or `always`. */
  doneText: string;
  refusedText: string;
  /** A refused record's name; its id's first characters when it has none here. */
  nameOf: (id: string) => string | undefined;
  testId: string;
  always?: boolean;
};

/**
 * The outcome of a bulk decision (admissions, assignments): one status card, the same on every
 * screen that decides on many records at once.
 */
export function BulkOutcome({ result, doneText, refusedText, nameOf, testId, always }: Props) {
  return (
    <div role="status" class="card" data-testid={testId}>
      {(always || result.done > 0) && <p>{doneText}</p>}
      {result.refused.length > 0 && (
        <>
          <p class="form-error">{refusedText}</p>
          <ul>
            {result.refused.map(({ id, issues }) => (
              <li key={id}>
                {nameOf(id) || id.slice(0, 8)}: {issues.map((issue) => issue.message).join(' ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
