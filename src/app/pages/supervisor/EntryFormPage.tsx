import './supervisor.css';
import { useState } from 'preact/hooks';
import {
  deleteIndicatorEntry,
  getEntry,
  type IndicatorEntryRow,
  listUnits,
  newId,
  saveIndicatorEntry,
  type UnitRow,
} from '../../../db';
import { todayInVietnam } from '../../../shared/domain/dates';
import { t } from '../../../shared/i18n';
import { ENTRY_KINDS } from '../../../shared/schemas';
import { LoadState } from '../../components/LoadState';
import { appDb } from '../../db';
import { fieldName } from '../../field-labels';
import { FormFooter, RequiredNote } from '../../forms/FormFooter';
import { issuesFor, SelectField, TextField } from '../../forms/fields';
import { saveFailureMessage } from '../../forms/submit';
import { useSaveForm } from '../../forms/useSaveForm';
import { useLoad } from '../../hooks/useLoad';
import { enumOptions } from '../../labels';
import { navigate } from '../../router';
import { afterWrite } from '../../sync-scheduler';
import { DecisionFields } from './decision-fields';
import { entryAmount } from './EntriesPage';
import {
  checkEntryForm,
  type EntryForm,
  entryFormOf,
  entryUnitOptions,
  newEntryForm,
  withKind,
} from './entry-form';
import { addSupervisorMessages } from './messages';
import { SupervisorPage, useActor } from './SupervisorTabs';

addSupervisorMessages();

type Loaded = { entry: IndicatorEntryRow | undefined; units: UnitRow[] };

/** Ghi biến động: a new entry (`id` absent) or the one with this id, to edit or delete. */
export function EntryFormPage({ id }: { id?: string }) {
  // Read once: the form must not change under the supervisor's hands.
  const data = useLoad([], async (): Promise<Loaded | undefined> => {
    const db = appDb();
    const [entry, units] = await Promise.all([id ? getEntry(db, id) : undefined, listUnits(db)]);
    return id !== undefined && entry === undefined ? undefined : { entry, units };
  }, [id]);
  return (
    <SupervisorPage tab="entries" action="record_entry">
      <LoadState data={data}>{(loaded) => <EntryFormView {...loaded} />}</LoadState>
    </SupervisorPage>
  );
}

function EntryFormView({ entry, units }: Loaded) {
  const actor = useActor();
  const today = todayInVietnam();
  const [id] = useState(() => entry?.id ?? newId());
  const [form, setForm] = useState<EntryForm>(() =>
    entry && entry.kind !== 'adjustment' ? entryFormOf(entry, actor) : newEntryForm(actor, today),
  );
  const { form: formRef, issues, failure, submit } = useSaveForm();
  const set = (patch: Partial<EntryForm>) => setForm({ ...form, ...patch });

  const save = async (event: Event) => {
    event.preventDefault();
    await submit({
      validate: () => checkEntryForm(form, id, today),
      save: (value) => saveIndicatorEntry(appDb(), actor, value),
      done: () => {
        afterWrite();
        navigate('/entries', { replace: true });
      },
    });
  };

  if (entry?.kind === 'adjustment') {
    return (
      <section>
        <h1>{t('entries.edit')}</h1>
        <p>{entryAmount(entry)}</p>
        <p class="hint">{t('entries.adjustmentReadOnly')}</p>
        <DeleteButton id={entry.id} />
      </section>
    );
  }

  return (
    <form onSubmit={save} noValidate ref={formRef}>
      <h1>{entry ? t('entries.edit') : t('entries.new')}</h1>
      <RequiredNote />
      <SelectField
        id="entry-unit"
        label={fieldName('unitId')}
        value={form.unitId}
        required
        options={entryUnitOptions(actor, units)}
        onValue={(unitId) => set({ unitId })}
        issues={issuesFor(issues, 'unitId')}
      />
      <SelectField
        id="entry-kind"
        label={fieldName('indicator_entry.kind')}
        value={form.kind}
        required
        emptyLabel=""
        options={enumOptions('entry_kind', ENTRY_KINDS)}
        onValue={(kind) => setForm(withKind(form, kind))}
        issues={issuesFor(issues, 'kind')}
      />
      <div class="two-columns">
        <TextField
          id="entry-date"
          label={fieldName('date')}
          value={form.date}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          required
          hint={t('entries.openingHint')}
          onValue={(date) => set({ date })}
          issues={issuesFor(issues, 'date')}
        />
        <TextField
          id="entry-count"
          label={fieldName('count')}
          value={form.count}
          inputMode="numeric"
          required
          onValue={(count) => set({ count })}
          issues={issuesFor(issues, 'count')}
        />
      </div>
      <TextField
        id="entry-note"
        label={fieldName('note')}
        value={form.note}
        multiline
        onValue={(note) => set({ note })}
        issues={issuesFor(issues, 'note')}
      />
      <fieldset class="field-group">
        <legend>{t('entries.col.decision')}</legend>
        <p class="hint">{t('entries.decisionHint')}</p>
        <DecisionFields
          field="decision"
          value={form.decision}
          onValue={(decision) => set({ decision })}
          issues={issues}
          units={units}
          ownUnitId={actor.unitId}
          required={false}
          entity="indicator_entry"
        />
      </fieldset>
      <FormFooter hasErrors={issues.some((issue) => issue.level === 'error')} failure={failure} />
      {entry && <DeleteButton id={entry.id} />}
    </form>
  );
}

/** Delete, confirmed by a second tap (the entry is gone from every figure once synced). */
function DeleteButton({ id }: { id: string }) {
  const actor = useActor();
  const [armed, setArmed] = useState(false);
  const [failure, setFailure] = useState('');
  const remove = async () => {
    if (!armed) {
      setArmed(true);
      return;
    }
    try {
      await deleteIndicatorEntry(appDb(), actor, id);
      afterWrite();
      navigate('/entries', { replace: true });
    } catch (error) {
      setFailure(saveFailureMessage(error));
    }
  };
  return (
    <div class="form-actions">
      <button type="button" class="button danger" onClick={remove}>
        {armed ? t('entries.deleteConfirm') : t('entries.delete')}
      </button>
      {failure && (
        <p class="form-error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
