/** The grader's name and version, recorded in every report. A test keeps it equal to package.json. */
export const GRADER_VERSION = '0.1.0';
export const GRADER = `lab-check@${GRADER_VERSION}`;
