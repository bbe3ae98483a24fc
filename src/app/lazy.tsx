import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';

/**
 * A screen loaded on first use, so the first screen's JavaScript stays small (the budget is
 * 60 KB gzip). The worker precaches every chunk, so this works offline too.
 */
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  return function LazyScreen(props: P): JSX.Element {
    const [Screen, setScreen] = useState<ComponentType<P> | undefined>(() => loaded);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      load().then((component) => {
        loaded = component;
        if (live) setScreen(() => component);
      });
      return () => {
        live = false;
      };
    }, []);
    return Screen ? <Screen {...props} /> : <p>{t('common.loading')}</p>;
  };
}
