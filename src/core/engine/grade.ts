/**
 * Grades one submission against a lab pack: extracts the learner's
 * variables without running the code, runs each step's checks, and grades
 * the quiz. Learner input becomes findings and never an exception, which
 * the property tests in grade-properties.test.ts check.
 */
import { CodeLines, applySeverityOverrides, compareFindings, isError, type Finding } from '../findings.ts';
import { normalizeFilePath, validateCommand, type CommandValidation, type FileProvider } from '../command/index.ts';
import { detectLanguage, extractAssignments, type Extraction, type Language } from '../extract/index.ts';
import { GRADER } from '../version.ts';
import type { CheckContext } from './checks/context.ts';
import { checkCommand } from './checks/command.ts';
import { checkPolicy } from './checks/policy.ts';
import { checkStringEquals } from './checks/string-equals.ts';
import type { LabCheck, LabPack, LabStep, QuizQuestion } from './lab-pack.ts';
import type { ResolvedVariable } from './locate.ts';
import { engineFinding } from './messages.ts';
import {
  REPORT_SCHEMA_VERSION,
  type QuizReport,
  type StepReport,
  type SubmissionReport,
} from './report.ts';

export interface SubmissionInput {
  /** A file name or page URL, echoed in the report. */
  source?: string;
  /** Detected from each code text when absent. */
  language?: Language;
  /** One code text with all the steps' variables. */
  code?: string;
  /** One code text per step id, as on a page with one editor per step. */
  steps?: Readonly<Record<string, string>>;
  /** Question id to the chosen option id or ids, such as `{"1": "B"}`. */
  quiz?: Readonly<Record<string, string | readonly string[]>>;
}

/** Extraction codes that matter only for variables a step reads. */
const OTHER_VARIABLE_CODES = new Set(['NOT_STATIC', 'UNDEFINED_NAME', 'REASSIGNED', 'RUNTIME_ERROR', 'MISSING_IMPORT']);

interface CodeText {
  input?: string;
  code: string;
  extraction: Extraction;
}

export function gradeSubmission(lab: LabPack, submission: SubmissionInput): SubmissionReport {
  const texts = extractTexts(lab, submission);
  const language = submission.language ?? texts[0]?.extraction.language ?? 'python';
  const variables = new Variables(lab, texts);
  const commands = new Map<string, CommandValidation | undefined>();
  const files = fileProvider(lab, variables);

  const commandOf = (stepId: string): CommandValidation | undefined => {
    if (commands.has(stepId)) return commands.get(stepId);
    const step = lab.steps.find((candidate) => candidate.id === stepId);
    const value = step ? variables.lookup(step.variable, step.id)?.assignment.value : undefined;
    const validation =
      value?.kind === 'string' ? validateCommand(value.value as string, { files }) : undefined;
    commands.set(stepId, validation);
    return validation;
  };

  const claimed = new Set<Finding>();
  const steps = lab.steps.map((step) => {
    const variable = variables.lookup(step.variable, step.id);
    const unread = wholeTextProblem(texts, step, variable);
    if (!variable) return missingStep(step, unread);

    const context: CheckContext = {
      lab,
      step,
      language: variable ? languageOf(texts, variable) : language,
      variable,
      lookup: (name) => variables.lookup(name),
      files,
      commandOf,
      command: () => commandOf(step.id),
    };
    const extractionFindings = findingsInside(texts, variable, claimed);
    return gradeStep(step, context, unread ? [...extractionFindings, unread] : extractionFindings);
  });

  // Values that no step reads, such as `client = boto3.client(...)`, may well need running code.
  const stepVariables = new Set(lab.steps.map((step) => step.variable));
  const aboutOtherVariable = (finding: Finding): boolean =>
    typeof finding.data?.variable === 'string' &&
    !stepVariables.has(finding.data.variable) &&
    OTHER_VARIABLE_CODES.has(finding.code);
  const rest = texts.flatMap((text) =>
    text.extraction.findings
      .filter((finding) => !claimed.has(finding) && !aboutOtherVariable(finding))
      .map((finding) => (text.input ? { ...finding, data: { ...finding.data, input: text.input } } : finding)),
  );
  const quiz = lab.quiz.map((question) => gradeQuestion(question, submission.quiz?.[question.id]));
  const earned = sum(steps, 'earned') + sum(quiz, 'earned');
  const possible = sum(steps, 'points') + sum(quiz, 'points');

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    ...(submission.source === undefined ? {} : { source: submission.source }),
    language,
    lab: lab.id,
    labVersion: lab.version,
    grader: GRADER,
    score: { earned, possible },
    steps,
    quiz,
    findings: rest.sort(compareFindings),
  };
}

function extractTexts(lab: LabPack, submission: SubmissionInput): CodeText[] {
  const texts: CodeText[] = [];
  const extract = (code: string, input?: string): void => {
    const language = submission.language ?? detectLanguage(code);
    const text: CodeText = { code, extraction: extractAssignments(code, language) };
    if (input !== undefined) text.input = input;
    texts.push(text);
  };

  if (typeof submission.code === 'string') extract(submission.code);
  for (const step of lab.steps) {
    const code = submission.steps?.[step.id];
    if (typeof code === 'string') extract(code, step.id);
  }
  return texts;
}

/**
 * The learner's variables across all code texts. A step's own text wins for
 * its variable; otherwise the last text that assigns a name wins, as the
 * texts run in order.
 */
class Variables {
  private readonly byName = new Map<string, ResolvedVariable>();
  private readonly byStep = new Map<string, Map<string, ResolvedVariable>>();

  constructor(lab: LabPack, texts: readonly CodeText[]) {
    for (const text of texts) {
      const own = new Map<string, ResolvedVariable>();
      for (const [name, assignment] of text.extraction.assignments) {
        const variable: ResolvedVariable = { name, assignment, code: text.code };
        if (text.input !== undefined) variable.input = text.input;
        this.byName.set(name, variable);
        own.set(name, variable);
      }
      if (text.input !== undefined && lab.steps.some((step) => step.id === text.input)) {
        this.byStep.set(text.input, own);
      }
    }
  }

  lookup(name: string, stepId?: string): ResolvedVariable | undefined {
    const own = stepId === undefined ? undefined : this.byStep.get(stepId)?.get(name);
    return own ?? this.byName.get(name);
  }
}

function fileProvider(lab: LabPack, variables: Variables): FileProvider {
  return (path) => {
    const file = lab.files.find((candidate) => candidate.name === normalizeFilePath(path));
    const value = file ? variables.lookup(file.variable)?.assignment.value : undefined;
    return value?.kind === 'string' ? (value.value as string) : undefined;
  };
}

function gradeStep(step: LabStep, context: CheckContext, extractionFindings: Finding[]): StepReport {
  const checked = step.checks.flatMap((check) => runCheck(context, check));
  const findings = applySeverityOverrides(
    dropRepeatedExplanations(extractionFindings, checked, step.variable),
    step.severity,
  ).sort(compareFindings);
  const passed = !findings.some(isError);
  const report: StepReport = {
    id: step.id,
    title: step.title,
    status: passed ? 'pass' : 'fail',
    points: step.points,
    earned: passed ? step.points : 0,
    findings,
  };
  if (context.variable.input !== undefined) report.foundIn = context.variable.input;
  if (!passed && step.hints.default) report.hint = step.hints.default;
  return report;
}

/**
 * Keeps one explanation of why a value could not be read. The extraction's
 * own NOT_STATIC or UNDEFINED_NAME is more specific than the step's generic
 * VALUE_UNREADABLE or VALUE_UNDEFINED_NAME, but STRING_UNQUOTED (a bare
 * name that is the expected text) is more specific than UNDEFINED_NAME.
 */
function dropRepeatedExplanations(extracted: Finding[], checked: Finding[], variable: string): Finding[] {
  const about = (finding: Finding, code: string) => finding.code === code && finding.data?.variable === variable;
  const unquoted = checked.some((finding) => finding.code === 'STRING_UNQUOTED');
  const keptExtracted = unquoted ? extracted.filter((finding) => !about(finding, 'UNDEFINED_NAME')) : extracted;
  const explained = new Set<string>();
  if (keptExtracted.some((finding) => about(finding, 'NOT_STATIC') || isError(finding))) explained.add('VALUE_UNREADABLE');
  if (keptExtracted.some((finding) => about(finding, 'UNDEFINED_NAME'))) explained.add('VALUE_UNDEFINED_NAME');
  return [...keptExtracted, ...checked.filter((finding) => !explained.has(finding.code))];
}

function runCheck(context: CheckContext, check: LabCheck): Finding[] {
  switch (check.type) {
    case 'string-equals':
      return checkStringEquals(context, check.value);
    case 'policy':
      return checkPolicy(context, check);
    case 'command':
      return checkCommand(context, check);
  }
}

function missingStep(step: LabStep, unread: Finding | undefined): StepReport {
  const finding = engineFinding(
    { code: 'VARIABLE_MISSING', severity: 'error', data: { variable: step.variable } },
    step.hints,
  );
  return {
    id: step.id,
    title: step.title,
    status: 'missing',
    points: step.points,
    earned: 0,
    findings: unread ? [finding, unread] : [finding],
  };
}

/** The extraction limits at which reading stopped, leaving the rest of the code unread. */
const STOPPED_READING = new Set(['source-length', 'parse-steps', 'parse-time', 'parse-nesting']);

/**
 * Returns a finding when running the code would not give the value found.
 * CODE_READ_IN_PART: reading stopped at a limit before the end of a text
 * that could set the variable again, or at all when none was found.
 * CODE_SYNTAX_ERROR: the Python, JavaScript or TypeScript text that sets
 * the variable has a syntax error, so none of it runs. A shell runs the
 * lines before a syntax error, so shell texts do not count.
 *
 * NOTE: the syntax errors are Lezer's. It rejects a few constructs that
 * Python 3.10 and Node accept, such as parenthesized `with` items and
 * import attributes (`with { type: 'json' }`), and such code fails here.
 */
function wholeTextProblem(
  texts: readonly CodeText[],
  step: LabStep,
  variable: ResolvedVariable | undefined,
): Finding | undefined {
  const own = texts.find((text) => text.input === step.id);
  const found = variable ? textOf(texts, variable) : undefined;
  let candidates = found ? texts.slice(texts.indexOf(found)) : texts;
  if (own) candidates = found === own ? [own] : [own, ...candidates];

  for (const text of candidates) {
    const stop = text.extraction.findings.find(
      (finding) => finding.code === 'LIMIT_EXCEEDED' && STOPPED_READING.has(String(finding.data?.limit)),
    );
    const syntax =
      text !== found || text.extraction.language === 'shell'
        ? undefined
        : text.extraction.findings.find((finding) => finding.code === 'SYNTAX_ERROR');
    const problem = stop ?? syntax;
    if (problem?.line === undefined || problem.column === undefined) continue;

    const { line, column } = problem;
    const data: Record<string, unknown> = { variable: step.variable, language: text.extraction.language, line, column };
    if (text.input !== undefined) data.input = text.input;
    const code = stop ? 'CODE_READ_IN_PART' : 'CODE_SYNTAX_ERROR';
    // A step's findings point into the text that sets its variable, so a problem in another text has no position.
    if (found && text !== found) return engineFinding({ code, severity: 'error', data: { ...data, elsewhere: true } }, step.hints);
    return engineFinding({ code, severity: 'error', line, column, data }, step.hints);
  }
  return undefined;
}

/** Claims the extraction findings that lie inside the variable's assignment, such as a syntax error there. */
function findingsInside(texts: readonly CodeText[], variable: ResolvedVariable, claimed: Set<Finding>): Finding[] {
  const text = textOf(texts, variable);
  if (!text) return [];

  const lines = new CodeLines(text.code);
  const { line: startLine } = lines.position(variable.assignment.start);
  const { line: endLine } = lines.position(variable.assignment.end);
  const inside = text.extraction.findings.filter(
    (finding) =>
      !claimed.has(finding) &&
      finding.line !== undefined &&
      finding.line >= startLine &&
      finding.line <= endLine,
  );
  for (const finding of inside) claimed.add(finding);
  return inside;
}

/** Returns the code text that holds `variable`'s assignment. */
function textOf(texts: readonly CodeText[], variable: ResolvedVariable): CodeText | undefined {
  return texts.find((candidate) => candidate.code === variable.code && candidate.input === variable.input);
}

function languageOf(texts: readonly CodeText[], variable: ResolvedVariable): Language {
  return textOf(texts, variable)?.extraction.language ?? 'python';
}

function gradeQuestion(
  question: QuizQuestion,
  chosen: string | readonly string[] | undefined,
): QuizReport {
  const base = { id: question.id, text: question.text, points: question.points, earned: 0 };
  const picked = normalizeChoice(chosen);
  if (picked.length === 0) return { ...base, status: 'missing' };

  const expected = normalizeChoice(question.answer);
  const correct = picked.length === expected.length && picked.every((id, i) => id === expected[i]);
  const feedback = picked
    .map((id) => question.options.find((option) => option.id === id)?.feedback ?? `${id} is not one of the options.`)
    .join(' ');
  return {
    ...base,
    status: correct ? 'pass' : 'fail',
    chosen: picked.join(','),
    feedback,
    earned: correct ? question.points : 0,
  };
}

function normalizeChoice(choice: string | readonly string[] | undefined): string[] {
  if (choice === undefined) return [];
  const ids = typeof choice === 'string' ? choice.split(',') : [...choice];
  return ids
    .filter((id): id is string => typeof id === 'string')
    .map((id) => id.trim().toUpperCase())
    .filter((id) => id.length > 0)
    .sort();
}

function sum<T extends { earned: number; points: number }>(items: readonly T[], key: 'earned' | 'points'): number {
  return items.reduce((total, item) => total + item[key], 0);
}
