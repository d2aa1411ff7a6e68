import type { Finding } from '../../findings.ts';
import type { CommandValidation, FileProvider } from '../../command/index.ts';
import type { LabPack, LabStep } from '../lab-pack.ts';
import { valueSpan, type ResolvedVariable } from '../locate.ts';
import { engineFinding, type FindingInput } from '../messages.ts';
import type { Language } from '../../extract/index.ts';

/** What a step check may read: the lab, the learner's variables, and the other steps' commands. */
export interface CheckContext {
  lab: LabPack;
  step: LabStep;
  language: Language;
  variable: ResolvedVariable;
  lookup(name: string): ResolvedVariable | undefined;
  /** The virtual files of the lab, holding the learner's values. */
  files: FileProvider;
  /** The validated command of another step, when its value is a readable string. */
  commandOf(stepId: string): CommandValidation | undefined;
  /** The validated command of this step's variable. */
  command(): CommandValidation | undefined;
}

/** Renders an engine finding with the step's own hints. */
export function stepFinding(context: CheckContext, input: FindingInput): Finding {
  const data = { variable: context.variable.name, language: context.language, ...input.data };
  return engineFinding({ ...input, data }, context.step.hints);
}

/** Returns the finding that explains why a value that is not a string cannot be checked, if any. */
export function nonStringFinding(context: CheckContext, code = 'VALUE_NOT_STRING'): Finding | undefined {
  const { value } = context.variable.assignment;
  const span = valueSpan(context.variable);
  switch (value.kind) {
    case 'string':
      return undefined;
    case 'unreadable':
      return stepFinding(context, { code: 'VALUE_UNREADABLE', severity: 'error', ...span });
    case 'reference':
      return stepFinding(context, {
        code: 'VALUE_UNDEFINED_NAME',
        severity: 'error',
        data: { name: value.value },
        ...span,
      });
    default:
      return stepFinding(context, { code, severity: 'error', data: { kind: value.kind }, ...span });
  }
}
