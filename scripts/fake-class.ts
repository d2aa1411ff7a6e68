/**
 * Generates a class of fake submissions to the assume-role lab for the
 * instructor e2e test and benchmark. It writes code files in Python,
 * JavaScript and shell, a CSV roster and submission exports, each learner
 * with its own mix of mistakes. Every code
 * text differs (it names its learner), so no two submissions grade alike
 * by accident. The same seed gives the same class.
 */
import { findLab, gradeSubmission, type SubmissionInput } from '../src/core/engine/index.ts';
import { buildSubmissionExport, exportDigest } from '../src/core/submissions/index.ts';

export const LAB_ID = 'aws-assume-role-temporary-access';

const ACCOUNT = '123456789012';
const ROLE = 'TemporaryAccessRole';

/** Each step's variants: the first is correct, the others are common mistakes. */
const TRUST = [
  `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::${ACCOUNT}:root"}, "Action": "sts:AssumeRole"}]}`,
  `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}`,
  `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::${ACCOUNT}:root"}, "Action": "sts:AssumeRoles"}]}`,
  `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "${ACCOUNT}"}, "Action": "sts:AssumeRole"}]}`,
];
const ROLE_NAMES = [ROLE, 'temporaryaccessrole', 'TempAccessRole'];
const ASSUME = [
  `aws sts assume-role --role-arn arn:aws:iam::${ACCOUNT}:role/${ROLE} --role-session-name TempSession`,
  `aws sts assume-role --role-arn arn:aws:iam::${ACCOUNT}:role/${ROLE}`,
  `aws sts assume-role --role-arn arn:aws:iam::${ACCOUNT}:user/${ROLE} --role-session-name TempSession`,
];
const CREATE = [
  `aws iam create-role --role-name ${ROLE} --assume-role-policy-document file://trust-policy.json`,
  `aws iam create-role --role-name ${ROLE} --assume-role-policy-document trust-policy.json`,
  `aws iam create-role --role-name ${ROLE}`,
];
const QUIZ_ANSWERS = ['B', 'A', 'A', 'D', 'C'];

export interface FakeFile {
  name: string;
  text: string;
}

export interface FakeLearner {
  id: string;
  input: SubmissionInput;
}

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, values: readonly T[], correctShare = 0.6): T =>
  next() < correctShare ? values[0]! : values[1 + Math.floor(next() * (values.length - 1))]!;

/** Builds one learner's answers: a language, one value per step, and quiz choices. */
export function fakeLearner(index: number, seed = 1): FakeLearner {
  const next = random(seed * 100_003 + index);
  const id = `learner-${String(index).padStart(5, '0')}`;
  const values = { trust: pick(next, TRUST), role: pick(next, ROLE_NAMES), assume: pick(next, ASSUME), create: pick(next, CREATE) };
  const quiz: Record<string, string> = {};
  QUIZ_ANSWERS.forEach((answer, i) => {
    if (next() < 0.9) quiz[String(i + 1)] = next() < 0.7 ? answer : 'ABCD'[Math.floor(next() * 4)]!;
  });
  const language = (['python', 'javascript', 'shell'] as const)[Math.floor(next() * 3)]!;
  return { id, input: { language, code: codeFor(language, values, id), quiz } };
}

function codeFor(language: 'python' | 'javascript' | 'shell', v: Record<'trust' | 'role' | 'assume' | 'create', string>, id: string): string {
  switch (language) {
    case 'python':
      return [
        `# ${id}`,
        `trust_policy = '${v.trust}'`,
        `role_name = "${v.role}"`,
        `assume_role_command = "${v.assume}"`,
        `create_role_command = "${v.create}"`,
        '',
      ].join('\n');
    case 'javascript':
      return [
        `// ${id}`,
        `const trust_policy = '${v.trust}';`,
        `const role_name = '${v.role}';`,
        `const assume_role_command = '${v.assume}';`,
        `const create_role_command = '${v.create}';`,
        '',
      ].join('\n');
    case 'shell':
      return [`# ${id}`, `trust_policy='${v.trust}'`, `role_name="${v.role}"`, `assume_role_command="${v.assume}"`, `create_role_command="${v.create}"`, ''].join('\n');
  }
}

const EXTENSION = { python: '.py', javascript: '.js', shell: '.sh' } as const;

/** Writes a learner's answers as a code file named after the learner. */
export function codeFile(learner: FakeLearner): FakeFile {
  const language = learner.input.language as keyof typeof EXTENSION;
  return { name: `${learner.id}${EXTENSION[language]}`, text: learner.input.code ?? '' };
}

/** Writes learners as a CSV roster with `learner`, `language`, `code` and one column per quiz question. */
export function rosterCsv(learners: readonly FakeLearner[]): string {
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const rows = learners.map((learner) =>
    [learner.id, learner.input.language ?? '', quote(learner.input.code ?? ''), ...QUIZ_ANSWERS.map((_, i) => String(learner.input.quiz?.[String(i + 1)] ?? ''))].join(','),
  );
  return `learner,language,code,q1,q2,q3,q4,q5\r\n${rows.join('\r\n')}\r\n`;
}

/** Grades a learner's answers as the popup does and writes the submission export. */
export async function exportFile(learner: FakeLearner, exportedAt = new Date('2026-12-01T12:00:00Z')): Promise<FakeFile> {
  const lab = findLab(LAB_ID)!;
  const report = gradeSubmission(lab, learner.input);
  const claim = await buildSubmissionExport({ input: learner.input, report, exportedAt, learner: learner.id });
  return { name: `${learner.id}.json`, text: `${JSON.stringify(claim, null, 2)}\n` };
}

/**
 * Edits an export's report to claim full marks. With `rehash`, the digest is
 * recomputed as a learner with the grader's source could do, so only the
 * regrade catches the edit.
 */
export async function tamperedExport(file: FakeFile, rehash: boolean): Promise<FakeFile> {
  const claim = JSON.parse(file.text);
  claim.report.score.earned = claim.report.score.possible;
  for (const step of claim.report.steps) {
    step.status = 'pass';
    step.earned = step.points;
    step.findings = [];
  }
  if (rehash) claim.digest.value = await exportDigest(claim);
  return { name: file.name, text: `${JSON.stringify(claim, null, 2)}\n` };
}
