import { useEffect, useState } from 'preact/hooks';

/** A screen wide enough for tables (a supervisor at a desk): 1024 CSS pixels or more. */
export const WIDE_QUERY = '(min-width: 1024px)';

/** Whether the window is at least 1024 px wide, following resizes and rotations. */
export function useWide(): boolean {
  const [wide, setWide] = useState(() => matchMedia(WIDE_QUERY).matches);
  useEffect(() => {
    const query = matchMedia(WIDE_QUERY);
    const update = () => setWide(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return wide;
}
