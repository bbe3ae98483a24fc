import { useEffect, useState } from 'preact/hooks';

const NAVIGATE_EVENT = 'sotay:navigate';

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  window.scrollTo(0, 0);
}

/** The current path, updated on back/forward and on `navigate`. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return path;
}

/** Client-side link: plain <a> for accessibility, intercepted for in-app navigation. */
export function onLinkClick(event: MouseEvent): void {
  const href = inAppHref(event);
  if (href !== undefined) navigate(href);
}

/**
 * A client-side link whose screen opens faster with something ready first (its data, its code):
 * navigates once `ready()` settles, failed or not (the screen then loads what it lacks itself).
 */
export function onLinkClickAfter(ready: () => Promise<unknown>): (event: MouseEvent) => void {
  return (event) => {
    const href = inAppHref(event);
    if (href === undefined) return;
    ready()
      .catch(() => undefined)
      .then(() => navigate(href));
  };
}

/** The link's target, when this click is the app's to handle (a new tab or window is not). */
function inAppHref(event: MouseEvent): string | undefined {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return undefined;
  event.preventDefault();
  return anchor.getAttribute('href') ?? '/';
}
