import type { ComponentChildren } from 'preact';
import { t } from '../../shared/i18n';

/** Why the form was not saved: fields to fix, or the device's storage failing. */
export function FormProblems(props: { hasErrors: boolean; failure: string }) {
  return (
    <>
      {props.hasErrors && (
        <p class="form-error" role="alert">
          {t('form.fixErrors')}
        </p>
      )}
      {props.failure && (
        // Focused after a refused save when no field is to blame (useSaveForm).
        <p class="form-error" role="alert" tabIndex={-1} data-form-failure>
          {props.failure}
        </p>
      )}
    </>
  );
}

/**
 * The end of every record form: why it was not saved, then save (or `actions`) and cancel.
 */
export function FormFooter(props: {
  hasErrors: boolean;
  failure: string;
  actions?: ComponentChildren;
}) {
  return (
    <>
      <FormProblems hasErrors={props.hasErrors} failure={props.failure} />
      <div class="form-actions">
        {props.actions ?? (
          <>
            <button type="submit" class="button primary">
              {t('common.save')}
            </button>
            <button type="button" class="button" onClick={() => history.back()}>
              {t('common.cancel')}
            </button>
          </>
        )}
      </div>
    </>
  );
}

/** The note above a form's fields that explains the required mark. */
export function RequiredNote() {
  return <p class="hint">{t('form.requiredNote')}</p>;
}
