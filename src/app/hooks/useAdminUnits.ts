import { useEffect, useState } from 'preact/hooks';

type AdminUnits = typeof import('../../shared/vn/admin-units');

let loading: Promise<AdminUnits> | undefined;
let loaded: AdminUnits | undefined;

/**
 * The 2025 provinces and wards, loaded on first use: the data is the largest part of the app
 * and the first screen does not need it. `wanted` false: not (yet) needed, nothing loads.
 */
export function useAdminUnits(wanted = true): AdminUnits | undefined {
  // Once loaded, later screens get the data in their first render (no second one).
  const [units, setUnits] = useState<AdminUnits | undefined>(loaded);
  useEffect(() => {
    if (!wanted) return;
    if (loaded) {
      setUnits(loaded);
      return;
    }
    loading ??= import('../../shared/vn/admin-units').then((module) => {
      loaded = module;
      return module;
    });
    let live = true;
    loading.then((module) => live && setUnits(module));
    return () => {
      live = false;
    };
  }, [wanted]);
  return units;
}
