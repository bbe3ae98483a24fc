import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import type { GeoLocation } from '../../../shared/schemas';

/** Position on request only (never in the background), with its accuracy shown. */
export function LocationButton(props: {
  location: GeoLocation | undefined;
  onLocation: (l: GeoLocation | undefined) => void;
}) {
  const [state, setState] = useState<'idle' | 'asking' | 'failed'>('idle');
  const ask = () => {
    if (!('geolocation' in navigator)) {
      setState('failed');
      return;
    }
    setState('asking');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setState('idle');
        props.onLocation({
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          accuracy: Math.round(position.coords.accuracy),
        });
      },
      () => setState('failed'),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };
  return (
    <div class="field">
      <button type="button" class="button" onClick={ask} disabled={state === 'asking'}>
        {state === 'asking' ? t('visit.locating') : t('visit.addLocation')}
      </button>
      <output data-testid="visit-location">
        {props.location &&
          t('visit.locationAccuracy', { meters: Math.round(props.location.accuracy) })}
        {state === 'failed' && t('visit.locationFailed')}
      </output>
      {props.location && (
        <button type="button" class="button" onClick={() => props.onLocation(undefined)}>
          {t('visit.removeLocation')}
        </button>
      )}
    </div>
  );
}
