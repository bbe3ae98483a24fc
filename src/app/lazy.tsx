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
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  /** Called as the screen is opened (in the tap's task): starts what it will read first. */
  onOpen?: () => void,
): LazyScreen<P> {
  let loaded: ComponentType<P> | undefined;
  const preload = async () => {
    loaded ??= await load();
  };
  function Lazy(props: P): JSX.Element {
    const [Screen, setScreen] = useState<ComponentType<P> | undefined>(() => {
      onOpen?.();
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
