import type { ComponentChildren, VNode } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { whenPainted } from '../after-paint';

type Props<T> = {
  items: readonly T[];
  rowHeight: number;
  /**
   * Draws the row of `item` from the item alone. Rows are keyed by their place in the list (see
   * VirtualList), so a row's component must keep no state of its own.
   */
  renderRow: (item: T, index: number) => ComponentChildren;
  label: string;
  /** More rows are on their way (aria-busy): assistive technology waits for them. */
  busy?: boolean;
  /** Rows drawn above and below the visible ones, so fast scrolling doesn't show blanks. */
  overscan?: number;
  /**
   * Rows the list has when `items` holds only its first ones (the first screen, before the rest
   * is read), or a search's first matches while the rest is found: the list is that tall, and
   * busy while the rows on screen are not there yet. Undefined: as many as `items`.
   */
  total?: number | undefined;
};

/**
 * A row as last drawn. A row whose item and list size are unchanged is given to Preact as the same
 * element, which it does not compare again: a keystroke that narrows the search often keeps the
 * first rows, and scrolling keeps the rows still on screen. Rows are drawn from their item alone
 * (renderRow), and a switch of language makes the whole app anew.
 */
type DrawnRow<T> = { item: T; total: number; row: VNode };

/**
 * A list that draws only the rows on screen (plus a few), in the normal flow of a list as tall
 * as all its rows, after a top padding that stands for the rows above. In flow rather than each
 * row transformed into place: a transformed row is a node of its own in the compositor's trees,
 * rebuilt in the frame after every keystroke of the search (seen in traces, npm run bench). It
 * follows the window's scroll, so the page keeps one scrollbar on phones.
 *
 * New `items` (each keystroke of the search) are drawn in two steps: the rows on screen in the
 * next frame, the overscan once that frame is painted (its rows keep their old items until
 * then), so the keystroke's frame lays out and paints only what is seen. A row is keyed by its place: new items change the text of the rows
 * on screen instead of replacing their elements (npm run bench, search: both together took the
 * keystroke's p95 from 1.6–1.9 times a bare input's to 1.4).
 */
export function VirtualList<T>(props: Props<T>) {
  const host = useRef<HTMLUListElement>(null);
  const overscan = props.overscan ?? 4;
  // The rows inside the window. Before it is measured: the rows a window as tall as the screen
  // can show from the list's top (a list below a search field shows fewer).
  const [range, setRange] = useState(() => ({
    first: 0,
    last: Math.ceil(window.innerHeight / props.rowHeight),
  }));
  // The items whose overscan is drawn: the first layout of a start, too, lays out only the rows
  // on screen (their text is that frame's longest part).
  const [overscanOf, setOverscanOf] = useState<readonly T[]>();
  const withOverscan = overscanOf === props.items;
  // The rows of the last render by place (see DrawnRow).
  const lastDrawn = useRef(new Map<number, DrawnRow<T>>());
  const count = props.items.length;
  const total = Math.max(count, props.total ?? count);

  const measure = () => {
    // Only the part of the list inside the window: below a search field and its filters, a
    // phone's first screen holds a handful of rows, and each keystroke redraws only those.
    const top = host.current?.getBoundingClientRect().top ?? 0;
    const first = Math.max(0, Math.floor(-top / props.rowHeight));
    const last = Math.max(0, Math.ceil((window.innerHeight - top) / props.rowHeight));
    setRange((old) => (old.first === first && old.last === last ? old : { first, last }));
  };
  // Measured, and the overscan drawn, once the rows' frame is painted, in one task and so one
  // render. Measured after the paint, the list reads that frame's layout for free: measured at
  // once, it forced one more layout of the whole page (36 ms of an offline start of a slow phone,
  // npm run bench, coldStart), and so does even asking whether the page is scrolled. A page
  // scrolled when the list appears shows the rows from the top for that one frame. Asked for as
  // the rows are drawn (a layout effect): an effect would run only after that frame.
  useLayoutEffect(() => {
    if (withOverscan) return;
    return whenPainted(() => {
      measure();
      setOverscanOf(props.items);
    });
  }, [props.items, withOverscan]);
  useLayoutEffect(() => {
    window.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    return () => {
      window.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
    };
  }, [props.rowHeight]);

  // Before the overscan of new items is drawn, a row of the overscan keeps the item it showed
  // (offscreen, and drawn again only where it changed): removed and made again a frame later,
  // the overscan's rows cost each keystroke of the search their removal from the page (npm run
  // bench, search). A row past the new items' end goes: the list is that much shorter. The rows
  // above the window stay only when each of them can: they sit in the flow after the padding.
  const overscanItems = withOverscan ? props.items : overscanOf;
  const keepsAbove =
    withOverscan || (overscanItems !== undefined && overscanItems.length >= range.first);
  const from = Math.max(0, range.first - (keepsAbove ? overscan : 0));
  const to = Math.min(count, range.last + overscan);
  const drawn = new Map<number, DrawnRow<T>>();
  for (let index = from; index < to; index++) {
    const onScreen = index >= range.first && index < range.last;
    const item = onScreen ? props.items[index] : overscanItems?.[index];
    if (item === undefined) break;
    const last = lastDrawn.current.get(index);
    drawn.set(
      index,
      last !== undefined && last.item === item && last.total === total
        ? last
        : { item, total, row: drawRow(index, item) },
    );
  }
  lastDrawn.current = drawn;
  const missing = Math.min(total, range.last + (withOverscan ? overscan : 0)) > count;
  return (
    <ul
      ref={host}
      class="virtual-list"
      aria-label={props.label}
      aria-busy={props.busy === true || missing}
      style={{
        height: `${total * props.rowHeight}px`,
        paddingTop: `${from * props.rowHeight}px`,
      }}
    >
      {Array.from(drawn.values(), ({ row }) => row)}
    </ul>
  );

  function drawRow(index: number, item: T): VNode {
    return (
      <li
        key={index}
        class="virtual-row"
        style={{ height: `${props.rowHeight}px` }}
        aria-setsize={total}
        aria-posinset={index + 1}
      >
        {props.renderRow(item, index)}
      </li>
    );
  }
}
