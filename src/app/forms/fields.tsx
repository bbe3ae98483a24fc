import type { ComponentChildren, JSX } from 'preact';
import type { Issue } from '../../shared/vn/core';

type Base = {
  id: string;
  label: string;
  issues?: readonly Issue[] | undefined;
  hint?: string;
  required?: boolean;
};

export function issuesFor(issues: readonly Issue[], field: string): Issue[] {
  return issues.filter((issue) => issue.field === field || issue.field.startsWith(`${field}.`));
}

function describedBy(id: string, base: Base): string | undefined {
  const ids = [base.hint ? `${id}-hint` : '', base.issues?.length ? `${id}-issues` : ''];
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

function hasError(issues: readonly Issue[] | undefined): boolean {
  return (issues ?? []).some((issue) => issue.level === 'error');
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
      <label for={props.id}>
        {props.label}
        {props.required && (
          <span class="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
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
  type?: 'text' | 'tel' | 'search';
  inputMode?: 'text' | 'numeric' | 'tel' | 'decimal';
  maxLength?: number;
  autoComplete?: string;
  placeholder?: string;
  multiline?: boolean;
};

export function TextField(props: TextProps) {
  const common = {
    id: props.id,
    name: props.id,
    value: props.value,
    required: props.required,
    maxLength: props.maxLength,
    placeholder: props.placeholder,
    'aria-invalid': hasError(props.issues) ? ('true' as const) : undefined,
    'aria-describedby': describedBy(props.id, props),
    onInput: (event: Event) => props.onValue((event.currentTarget as HTMLInputElement).value),
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
        aria-invalid={hasError(props.issues) ? 'true' : undefined}
        aria-describedby={describedBy(props.id, props)}
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

type Choice<T extends string> = { value: T; label: string };

type ChoiceProps<T extends string> = {
  id: string;
  legend: string;
  options: readonly Choice<T>[];
  issues?: readonly Issue[] | undefined;
};

function choiceId(group: string, value: string): string {
  return `${group}-${value}`;
}

/** Chips in a fieldset with its legend and issues; `control` draws each chip's input. */
function ChoiceGroup<T extends string>(
  props: ChoiceProps<T> & { control: (option: Choice<T>) => JSX.Element },
) {
  return (
    <fieldset class="field choice-group" id={props.id}>
      <legend>{props.legend}</legend>
      <div class="chips">
        {props.options.map((option) => (
          <label key={option.value} class="chip" for={choiceId(props.id, option.value)}>
            {props.control(option)}
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <IssueList issues={props.issues} />
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
      control={(option) => (
        <input
          type="checkbox"
          id={choiceId(props.id, option.value)}
          name={props.id}
          checked={props.values.includes(option.value)}
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
      control={(option) => (
        <input
          type="radio"
          id={choiceId(props.id, option.value)}
          name={props.id}
          value={option.value}
          checked={props.value === option.value}
          onChange={() => props.onValue(option.value)}
        />
      )}
    />
  );
}
