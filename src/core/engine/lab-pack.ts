/**
 * The lab-pack format. A lab is data: its steps name the variable they read
 * and the checks they run, so the engine holds no knowledge of any one lab.
 */
import * as z from 'zod/mini';
import { ISSUE_INPUT, describeIssue } from '../schema-issues.ts';

const severity = z.enum(['error', 'security-warning', 'warning', 'suggestion', 'off']);

/** A step passes when its value is this exact string. */
const stringEqualsCheck = z.strictObject({
  type: z.literal('string-equals'),
  value: z.string(),
});

/** A step passes when its value is a policy document that grants exactly `allows`. */
const policyCheck = z.strictObject({
  type: z.literal('policy'),
  kind: z.enum(['trust', 'identity']),
  version: z.optional(z.string()),
  allows: z.strictObject({
    principals: z.array(z.string()),
    actions: z.array(z.string()),
  }),
  /** When true, any principal or action granted beyond `allows` fails the step. */
  leastPrivilege: z.optional(z.boolean()),
});

/**
 * The learner's value of another step's variable that a parameter embeds,
 * such as the role name inside a role ARN. The pattern's `value` group
 * extracts it from the parameter.
 */
const crossStepReference = z.strictObject({
  variable: z.string(),
  pattern: z.string(),
});

const parameterRule = z.union([
  z.strictObject({
    equals: z.union([z.string(), z.number(), z.boolean()]),
    references: z.optional(crossStepReference),
  }),
  /** The parameter must be read from this virtual file with `file://`. */
  z.strictObject({ file: z.string() }),
]);

/** An upper bound on a numeric parameter, optionally taken from another step's command. */
const numericLimit = z.strictObject({
  parameter: z.string(),
  max: z.number(),
  maxFrom: z.optional(z.strictObject({ step: z.string(), parameter: z.string() })),
});

const commandCheck = z.strictObject({
  type: z.literal('command'),
  service: z.string(),
  operation: z.string(),
  parameters: z.record(z.string(), parameterRule),
  limits: z.optional(z.array(numericLimit)),
});

export const labCheckSchema = z.discriminatedUnion('type', [
  stringEqualsCheck,
  policyCheck,
  commandCheck,
]);

export const labStepSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
  title: z.string(),
  instructions: z.string(),
  variable: z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/)),
  points: z.number().check(z.nonnegative()),
  checks: z.array(labCheckSchema).check(z.minLength(1)),
  /** Hints shown with a failure, keyed by finding code; `default` is shown for any other failure. */
  hints: z.record(z.string(), z.string()),
  /** Severity overrides by finding code, as a lint configuration sets them. */
  severity: z.optional(z.record(z.string(), severity)),
});

export const quizQuestionSchema = z.strictObject({
  id: z.string(),
  text: z.string(),
  options: z
    .array(z.strictObject({ id: z.string(), text: z.string(), feedback: z.string() }))
    .check(z.minLength(2)),
  answer: z.union([z.string(), z.array(z.string())]),
  points: z.number().check(z.nonnegative()),
});

export const labPackSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
  title: z.string(),
  version: z.string(),
  description: z.optional(z.string()),
  /** Page titles and step headings that identify the lab on a course page. */
  recognize: z.strictObject({
    titles: z.array(z.string()),
    headings: z.optional(z.array(z.string())),
  }),
  steps: z.array(labStepSchema).check(z.minLength(1)),
  /** Virtual files that commands may read with `file://`, each holding a step variable's value. */
  files: z.array(z.strictObject({ name: z.string(), variable: z.string() })),
  quiz: z.array(quizQuestionSchema),
});

export type LabPack = z.infer<typeof labPackSchema>;
export type LabStep = z.infer<typeof labStepSchema>;
export type LabCheck = z.infer<typeof labCheckSchema>;
export type PolicyCheck = z.infer<typeof policyCheck>;
export type CommandCheck = z.infer<typeof commandCheck>;
export type ParameterRule = z.infer<typeof parameterRule>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

/** A lab pack that failed validation, with zod's issues flattened into readable lines. */
export class LabPackError extends Error {
  constructor(
    readonly labId: string,
    readonly problems: string[],
  ) {
    super(`Lab pack "${labId}" is invalid: ${problems.join('; ')}`);
    this.name = 'LabPackError';
  }
}

/**
 * Validates a lab pack and the references inside it that a schema cannot
 * express: unique ids, files naming known variables, cross-step references
 * naming known steps, and quiz answers naming options.
 */
export function parseLabPack(data: unknown): LabPack {
  const result = z.safeParse(labPackSchema, data, ISSUE_INPUT);
  const labId = typeof (data as { id?: unknown })?.id === 'string' ? (data as { id: string }).id : '?';
  if (!result.success) {
    throw new LabPackError(
      labId,
      result.error.issues.map((issue) => describeIssue(issue)),
    );
  }

  const lab = result.data;
  const problems = findReferenceProblems(lab);
  if (problems.length > 0) throw new LabPackError(lab.id, problems);
  return lab;
}

function findReferenceProblems(lab: LabPack): string[] {
  const problems: string[] = [];
  const stepIds = new Set<string>();
  const variables = new Set(lab.steps.map((step) => step.variable));

  for (const step of lab.steps) {
    if (stepIds.has(step.id)) problems.push(`steps: duplicate step id "${step.id}"`);
    stepIds.add(step.id);
  }
  for (const file of lab.files) {
    if (!variables.has(file.variable)) {
      problems.push(`files: "${file.name}" reads unknown variable "${file.variable}"`);
    }
  }
  for (const step of lab.steps) {
    for (const check of step.checks) {
      if (check.type !== 'command') continue;
      for (const [name, rule] of Object.entries(check.parameters)) {
        if ('file' in rule && !lab.files.some((file) => file.name === rule.file)) {
          problems.push(`steps.${step.id}: parameter ${name} reads unknown file "${rule.file}"`);
        }
        if ('references' in rule && rule.references && !variables.has(rule.references.variable)) {
          problems.push(`steps.${step.id}: parameter ${name} references unknown variable "${rule.references.variable}"`);
        }
      }
      for (const limit of check.limits ?? []) {
        if (limit.maxFrom && !stepIds.has(limit.maxFrom.step)) {
          problems.push(`steps.${step.id}: limit on ${limit.parameter} reads unknown step`);
        }
      }
    }
  }

  const questionIds = new Set<string>();
  for (const question of lab.quiz) {
    if (questionIds.has(question.id)) problems.push(`quiz: duplicate question id "${question.id}"`);
    questionIds.add(question.id);
    const optionIds = new Set(question.options.map((option) => option.id));
    const answers = Array.isArray(question.answer) ? question.answer : [question.answer];
    for (const answer of answers) {
      if (!optionIds.has(answer)) problems.push(`quiz.${question.id}: answer "${answer}" is no option`);
    }
  }
  return problems;
}
