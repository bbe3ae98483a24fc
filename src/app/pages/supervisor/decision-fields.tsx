import type { UnitRow } from '../../../db';
import { fieldLabel } from '../../../shared/domain/issues';
import type { Issue } from '../../../shared/vn/issue';
import { issuesFor, SelectField, TextField } from '../../forms/fields';
import { issuerOptions } from './admission-queue';
import type { DecisionInput } from './decision-input';

export { checkDecisionInput, type DecisionInput, emptyDecision } from './decision-input';

/** Number, date and issuing unit of a decision: the same three fields on every form. */
export function DecisionFields(props: {
  field: string;
  value: DecisionInput;
  onValue: (value: DecisionInput) => void;
  issues: readonly Issue[];
  units: readonly UnitRow[];
  ownUnitId: string;
  required?: boolean;
  /** Whose decision it is: labels are the entity's own where the catalogue has them. */
  entity?: 'signup' | 'enterprise' | 'indicator_entry';
}) {
  const { field, value } = props;
  const set = (patch: Partial<DecisionInput>) => props.onValue({ ...value, ...patch });
  const required = props.required ?? true;
  const label = (part: string) => fieldLabel(props.entity ?? 'signup', `${field}.${part}`);
  return (
    <div class="two-columns">
      <TextField
        id={`${field}-number`}
        label={label('number')}
        value={value.number}
        required={required}
        onValue={(number) => set({ number })}
        issues={issuesFor(props.issues, `${field}.number`)}
      />
      <TextField
        id={`${field}-date`}
        label={label('date')}
        value={value.date}
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        required={required}
        onValue={(date) => set({ date })}
        issues={issuesFor(props.issues, `${field}.date`)}
      />
      <SelectField
        id={`${field}-issuedBy`}
        label={label('issuedBy')}
        value={value.issuedBy}
        required={required}
        options={issuerOptions(props.units, props.ownUnitId)}
        onValue={(issuedBy) => set({ issuedBy })}
        issues={issuesFor(props.issues, `${field}.issuedBy`)}
      />
    </div>
  );
}
