import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

type Props<T> = {
  items: readonly T[];
  rowHeight: number;
  renderRow: (item: T, index: number) => ComponentChildren;
  keyOf: (item: T) => string;
  label: string;
  /** More rows are on their way (aria-busy): assistive technology waits for them. */
  busy?: boolean;
  /** Rows rendered above and below the visible ones, so fast scrolling doesn't show blanks. */
  overscan?: number;
  /**
   * Rows the list has when `items` holds only its first ones (the first screen, before the rest
   * is read): the list is that tall, and busy while the rows on screen are not there yet.
   */
  total?: number;
};

/**
 * A list that renders only the rows on screen (plus a few), in the normal flow of a list as tall
 * as all its rows, after a top padding that stands for the rows above. In flow rather than each
 * row transformed into place: a transformed row is a node of its own in the compositor's trees,
 * rebuilt in the frame after every keystroke of the search (seen in traces, npm run bench). It
 * follows the window's scroll, so the page keeps one scrollbar on phones.
 */
export function VirtualList<T>(props: Props<T>) {
  const host = useRef<HTMLUListElement>(null);
  const overscan = props.overscan ?? 4;
  // Before it is measured: the rows a window as tall as the screen can show from the list's top
  // (a list below a search field shows fewer), without the overscan: the first layout of a start
  // lays out every row's text, the longest part of the frame that shows the list, and the
  // overscan comes with the measure after it.
  const [range, setRange] = useState(() => ({
    first: 0,
    last: Math.ceil(window.innerHeight / props.rowHeight),
  }));
  const count = props.items.length;
  const total = Math.max(count, props.total ?? count);

  useLayoutEffect(() => {
    const update = () => {
      // Only the part of the list inside the window: below a search field and its filters, a
      // phone's first screen holds a handful of rows, and each keystroke redraws only those.
      const top = host.current?.getBoundingClientRect().top ?? 0;
      const first = Math.max(0, Math.floor(-top / props.rowHeight) - overscan);
      const last = Math.max(0, Math.ceil((window.innerHeight - top) / props.rowHeight) + overscan);
      setRange((old) => (old.first === first && old.last === last ? old : { first, last }));
    };
    // Measured after the first paint, whose layout it then reads for free: measured at once, it
    // forced one more layout of the whole page (36 ms of an offline start of a slow phone, npm run
    // bench, coldStart), and so does even asking whether the page is scrolled. A page scrolled
    // when the list appears shows the rows from the top for that one frame.
    let later: number | undefined;
    const frame = requestAnimationFrame(() => {
      later = window.setTimeout(update, 0);
    });
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(later);
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [props.rowHeight, overscan]);

  const rows = props.items.slice(range.first, Math.min(count, range.last));
  const missing = Math.min(total, range.last) > count;
  return (
    <ul
      ref={host}
      class="virtual-list"
      aria-label={props.label}
      aria-busy={props.busy === true || missing}
      style={{
        height: `${total * props.rowHeight}px`,
        paddingTop: `${range.first * props.rowHeight}px`,
      }}
    >
      {rows.map((item, offset) => {
        const index = range.first + offset;
        return (
          <li
            key={props.keyOf(item)}
            class="virtual-row"
            style={{ height: `${props.rowHeight}px` }}
            aria-setsize={total}
            aria-posinset={index + 1}
          >
            {props.renderRow(item, index)}
          </li>
        );
      })}
    </ul>
  );
}
