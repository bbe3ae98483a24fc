import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Issue } from '../../shared/vn/core';
import { runSave, type SaveSteps } from './submit';

/**
 * Moves focus, and the screen, to the first control in error (or to the failure message when no
 * field is to blame): a screen reader then reads its label, "invalid" and its message.
 */
export function focusFirstError(form: HTMLFormElement | null): void {
  const target =
    form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    form?.querySelector<HTMLElement>('[data-form-failure]');
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

/**
 * A form's issues, failure and submit, with focus on the first error after a refused save, and
 * whether its save is running (`busy`).
 */
export function useSaveForm() {
  const form = useRef<HTMLFormElement>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [failure, setFailure] = useState('');
  const [refusals, setRefusals] = useState(0);
  const saving = useRef(false);
  // Shown (a disabled button, "working…"): only while the save itself runs, not its checks.
  const [busy, setBusy] = useState(false);

  useLayoutEffect(() => {
    if (refusals > 0) focusFirstError(form.current);
  }, [refusals]);

  const submit = async <V, S>(steps: SaveSteps<V, S>): Promise<boolean> => {
    // A second tap while the first save runs would save twice.
    if (saving.current) return false;
    saving.current = true;
    try {
      const outcome = await runSave({
        ...steps,
        save: async (value) => {
          setBusy(true);
          try {
            return await steps.save(value);
          } finally {
            setBusy(false);
          }
        },
      });
      if (outcome.saved) return true;
      setIssues(outcome.issues);
      setFailure(outcome.failure);
      setRefusals((n) => n + 1);
      return false;
    } finally {
      saving.current = false;
    }
  };

  return { form, issues, setIssues, failure, setFailure, submit, busy };
}
