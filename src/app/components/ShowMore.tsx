import { useState } from 'preact/hooks';

/** Rows a long list shows at first and adds with each "more". */
export const PAGE_SIZE = 50;

export type Paging = {
  /** How many rows to draw now. */
  shown: number;
  more: () => void;
  /** Back to the first page (the list's filters changed). */
  reset: () => void;
};

/** The one way a long list grows by a page: its rows drawn up to `shown`, then ShowMore. */
export function usePaging(): Paging {
  const [shown, setShown] = useState(PAGE_SIZE);
  return {
    shown,
    more: () => setShown((n) => n + PAGE_SIZE),
    reset: () => setShown(PAGE_SIZE),
  };
}

type Props = {
  paging: Paging;
  /** Rows the list has. */
  total: number;
  /** The button's words for `hidden` rows not drawn yet (each list says it its own way). */
  label: (hidden: number) => string;
};

/** The "more" button, while some of the list's rows are not drawn. */
export function ShowMore({ paging, total, label }: Props) {
  const hidden = total - paging.shown;
  if (hidden <= 0) return null;
  return (
    <button type="button" class="button" onClick={paging.more}>
      {label(hidden)}
    </button>
  );
}
