export { gradeSubmission, type SubmissionInput } from './grade.ts';
export { parseLabPack, LabPackError, labPackSchema, type LabPack, type LabStep } from './lab-pack.ts';
export {
  REPORT_SCHEMA_VERSION,
  submissionReportSchema,
  type SubmissionReport,
  type StepReport,
  type QuizReport,
  type StepStatus,
} from './report.ts';
export { LABS, findLab, recognizeLab } from '../../labs/index.ts';
export { chooseLabByVariables } from './choose-lab.ts';
