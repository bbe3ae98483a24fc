import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';

export type LazyScreen<P extends object> = ComponentType<P> & {
  /** Loads the screen's code now, so that it shows at once when navigated to. */
  preload(): Promise<void>;
};

/**
 * A screen loaded on first use, so the first screen's JavaScript stays small (the budget is
 * 60 KB gzip). The worker precaches every chunk, so this works offline too.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  // One load at a time; a failed one (offline before the worker cached the chunk) may be retried.
  const preload = () => {
    loading ??= load().then(
      (screen) => {
        loaded = screen;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  function Lazy(props: P): JSX.Element {
    const [Screen, setScreen] = useState<ComponentType<P> | undefined>(() => {
      // The code is fetched from the tap's own task, not after the next paint (an effect): on a
      // slow phone that frame and the effects of the screen left behind come first.
      if (!loaded) preload().catch(() => undefined);
      return loaded;
    });
    useEffect(() => {
      if (loaded) return;
      let live = true;
      preload().then(() => {
        if (live) setScreen(() => loaded);
      });
      return () => {
        live = false;
      };
    }, []);
    return Screen ? <Screen {...props} /> : <p>{t('common.loading')}</p>;
  }
  return Object.assign(Lazy, { preload });
}
