import { useEffect, useState } from 'preact/hooks';

type AdminUnits = typeof import('../../shared/vn/admin-units');

let loading: Promise<AdminUnits> | undefined;

/**
 * The 2025 provinces and wards, loaded on first use: the data is the largest part of the app
 * and the first screen does not need it.
 */
export function useAdminUnits(): AdminUnits | undefined {
  const [units, setUnits] = useState<AdminUnits>();
  useEffect(() => {
    loading ??= import('../../shared/vn/admin-units');
    let live = true;
    loading.then((loaded) => live && setUnits(loaded));
    return () => {
      live = false;
    };
  }, []);
  return units;
}
