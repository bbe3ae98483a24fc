import { useState } from 'preact/hooks';
import { rejectApplication, type SignupRow } from '../../../db';
import { rejectSignup } from '../../../shared/domain/admission';
import { t } from '../../../shared/i18n';
import { appDb } from '../../db';
import { fieldName } from '../../field-labels';
import { FormProblems } from '../../forms/FormFooter';
import { issuesFor, TextField } from '../../forms/fields';
import { useSaveForm } from '../../forms/useSaveForm';
import { afterWrite } from '../../sync-scheduler';
import { useActor } from './SupervisorTabs';

/** "Từ chối": opens a reason field (required: rejectSignup), then rejects the one application. */
export function RejectForm({ row }: { row: SignupRow }) {
  const actor = useActor();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { form, issues, failure, submit } = useSaveForm();
  const name = row.fullName ?? '';
  if (!open) {
    return (
      <button
        type="button"
        class="button"
        aria-label={t('admissions.rejectOf', { name })}
        onClick={() => setOpen(true)}
      >
        {t('admissions.reject')}
      </button>
    );
  }
  const save = async (event: Event) => {
    event.preventDefault();
    await submit({
      validate: () => (row.status === 'draft' ? { issues: [] } : rejectSignup(row, reason)),
      save: () => rejectApplication(appDb(), actor, row.id, reason),
      done: () => afterWrite(),
    });
  };
  return (
    <form onSubmit={save} noValidate ref={form}>
      <TextField
        id={`reason-${row.id}`}
        label={fieldName('rejectionReason')}
        value={reason}
        required
        multiline
        onValue={setReason}
        issues={issuesFor(issues, 'rejectionReason')}
      />
      <FormProblems hasErrors={false} failure={failure} />
      <button type="submit" class="button danger">
        {t('admissions.rejectConfirm')}
      </button>
    </form>
  );
}
