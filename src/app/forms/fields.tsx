import type { ComponentChildren, JSX } from 'preact';
import type { Issue } from '../../shared/vn/core';

/*
 * Every control of every form: its label (with the one required mark), hint and issues; in error
 * it carries aria-invalid (a red 2 px border, styles.css) and aria-describedby names its
 * messages, so focus on it (useSaveForm) reads the problem aloud.
 */

type Base = {
  id: string;
  label: string;
  issues?: readonly Issue[] | undefined;
  hint?: string;
  required?: boolean;
  /** The label is read aloud but not drawn (the list's search box: its placeholder says it). */
  hideLabel?: boolean;
};

export function issuesFor(issues: readonly Issue[], field: string): Issue[] {
  return issues.filter((issue) => issue.field === field || issue.field.startsWith(`${field}.`));
}

function hasError(issues: readonly Issue[] | undefined): boolean {
  return (issues ?? []).some((issue) => issue.level === 'error');
}

/** aria-invalid and aria-describedby of a control with an optional hint and its issues. */
function errorAttributes(id: string, issues: readonly Issue[] | undefined, hint?: string) {
  const ids = [hint ? `${id}-hint` : '', issues?.length ? `${id}-issues` : ''].filter(Boolean);
  return {
    'aria-invalid': hasError(issues) ? ('true' as const) : undefined,
    'aria-describedby': ids.join(' ') || undefined,
  };
}

/** The same mark on every required field; the control's `required` is what is read aloud. */
export function RequiredMark({ required }: { required?: boolean | undefined }) {
  if (!required) return null;
  return (
    <span class="required" aria-hidden="true">
      {' '}
      *
    </span>
  );
}

export function IssueList(props: { issues?: readonly Issue[] | undefined; id?: string }) {
  if (!props.issues || props.issues.length === 0) return null;
  return (
    <ul class="issues" id={props.id} aria-live="polite">
      {props.issues.map((issue) => (
        <li key={`${issue.field}:${issue.code}`} class={issue.level}>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

/** Label, hint and the field's issues around any control; errors and warnings read aloud. */
export function FieldShell(props: Base & { children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.id} class={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
        <RequiredMark required={props.required} />
      </label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children}
      <IssueList issues={props.issues} id={`${props.id}-issues`} />
    </div>
  );
}

type TextProps = Base & {
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'tel' | 'search' | 'password';
  inputMode?: 'text' | 'numeric' | 'tel' | 'decimal';
  maxLength?: number;
  autoComplete?: string;
  placeholder?: string;
  multiline?: boolean;
  /** Applied when the field is left (a person's name capitalised), and shown. */
  normalize?: (value: string) => string;
};

export function TextField(props: TextProps) {
  const { normalize } = props;
  const common = {
    id: props.id,
    name: props.id,
    value: props.value,
    required: props.required,
    maxLength: props.maxLength,
    placeholder: props.placeholder,
    ...errorAttributes(props.id, props.issues, props.hint),
    onInput: (event: Event) => props.onValue((event.currentTarget as HTMLInputElement).value),
    onBlur: normalize
      ? (event: Event) => {
          const typed = (event.currentTarget as HTMLInputElement).value;
          const normal = normalize(typed);
          if (normal !== typed) props.onValue(normal);
        }
      : undefined,
  };
  return (
    <FieldShell {...props}>
      {props.multiline ? (
        <textarea {...common} rows={3} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete ?? 'off'}
        />
      )}
    </FieldShell>
  );
}

/** One of the two fields of a new secret: its id, label, value and the issues on it. */
export type SecretEntry = {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  issues: readonly Issue[];
};

/**
 * A new secret typed twice (a PIN, a backup passphrase): two password fields the browser never
 * fills with a saved one; the second is checked against the first by the caller's rule.
 */
export function NewSecretFields(props: {
  entries: readonly [SecretEntry, SecretEntry];
  inputMode?: 'numeric';
}) {
  return (
    <>
      {props.entries.map((entry) => (
        <TextField
          key={entry.id}
          {...entry}
          type="password"
          {...(props.inputMode === undefined ? {} : { inputMode: props.inputMode })}
          autoComplete="new-password"
          required
        />
      ))}
    </>
  );
}

export function SelectField<T extends string>(
  props: Base & {
    value: T | '';
    options: readonly { value: T; label: string }[];
    onValue: (value: T | '') => void;
    emptyLabel?: string;
  },
) {
  return (
    <FieldShell {...props}>
      <select
        id={props.id}
        name={props.id}
        value={props.value}
        required={props.required}
        {...errorAttributes(props.id, props.issues, props.hint)}
        onChange={(event) => props.onValue((event.currentTarget as HTMLSelectElement).value as T)}
      >
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** One checkbox as a whole tappable row: consent, a yes/no fact, a setting. */
export function CheckField(
  props: Base & { checked: boolean; onChecked: (checked: boolean) => void },
) {
  return (
    <div class="field">
      <label class="check-field" for={props.id}>
        <input
          id={props.id}
          type="checkbox"
          checked={props.checked}
          required={props.required}
          {...errorAttributes(props.id, props.issues)}
          onChange={(event) => props.onChecked((event.currentTarget as HTMLInputElement).checked)}
        />
        <span>
          {props.label}
          <RequiredMark required={props.required} />
        </span>
      </label>
      <IssueList issues={props.issues} id={`${props.id}-issues`} />
    </div>
  );
}

type Choice<T extends string> = { value: T; label: string };

type ChoiceProps<T extends string> = {
  id: string;
  legend: string;
  options: readonly Choice<T>[];
  issues?: readonly Issue[] | undefined;
  required?: boolean;
};

function choiceId(group: string, value: string): string {
  return `${group}-${value}`;
}

/** Chips in a fieldset with its legend and issues; `control` draws each chip's input. */
function ChoiceGroup<T extends string>(
  props: ChoiceProps<T> & {
    control: (option: Choice<T>, attributes: ReturnType<typeof errorAttributes>) => JSX.Element;
  },
) {
  const attributes = errorAttributes(props.id, props.issues);
  return (
    <fieldset
      class={attributes['aria-invalid'] ? 'field choice-group has-error' : 'field choice-group'}
      id={props.id}
    >
      <legend>
        {props.legend}
        <RequiredMark required={props.required} />
      </legend>
      <div class="chips">
        {props.options.map((option) => (
          <label key={option.value} class="chip" for={choiceId(props.id, option.value)}>
            {props.control(option, attributes)}
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <IssueList issues={props.issues} id={`${props.id}-issues`} />
    </fieldset>
  );
}

export function CheckboxGroup<T extends string>(
  props: ChoiceProps<T> & { values: readonly T[]; onValues: (values: T[]) => void },
) {
  const toggle = (value: T, on: boolean) =>
    props.onValues(on ? [...props.values, value] : props.values.filter((v) => v !== value));
  return (
    <ChoiceGroup
      {...props}
      control={(option, attributes) => (
        <input
          type="checkbox"
          id={choiceId(props.id, option.value)}
          name={props.id}
          checked={props.values.includes(option.value)}
          {...attributes}
          onChange={(event) =>
            toggle(option.value, (event.currentTarget as HTMLInputElement).checked)
          }
        />
      )}
    />
  );
}

export function RadioGroup<T extends string>(
  props: ChoiceProps<T> & { value: T | undefined; onValue: (value: T) => void },
) {
  return (
    <ChoiceGroup
      {...props}
      control={(option, attributes) => (
        <input
          type="radio"
          id={choiceId(props.id, option.value)}
          name={props.id}
          value={option.value}
          checked={props.value === option.value}
          required={props.required}
          {...attributes}
          onChange={() => props.onValue(option.value)}
        />
      )}
    />
  );
}
