import { type UnsentState, unsentKey, unsentRecords } from '../../db';
import { t } from '../../shared/i18n';
import type { SignupStatus, SyncEntity } from '../../shared/schemas';
import { appDb } from '../db';
import { useLoad } from '../hooks/useLoad';

export type Unsent = ReadonlyMap<string, UnsentState>;

/** Which records still wait in the outbox; follows every send and every new change. */
export function useUnsent(): Unsent {
  const { load } = useLoad(['outbox'], () => unsentRecords(appDb()), []);
  return load.status === 'ready' ? load.value : EMPTY;
}

const EMPTY: Unsent = new Map();

type Props = {
  unsent: Unsent;
  entity: SyncEntity;
  id: string;
  /** A draft never leaves the device. */
  status?: SignupStatus;
};

/** Whether the server has this record yet: a draft, waiting to be sent, refused, or sent. */
export function RecordState({ unsent, entity, id, status }: Props) {
  const state = status === 'draft' ? 'draft' : (unsent.get(unsentKey(entity, id)) ?? 'sent');
  const label =
    state === 'draft'
      ? t('record.onlyHere')
      : state === 'pending'
        ? t('record.unsent')
        : state === 'rejected'
          ? t('record.rejected')
          : t('record.sent');
  return (
    <span class={`record-state ${state}`} data-testid="record-state" data-state={state}>
      {label}
    </span>
  );
}
