/**
 * The AWS CLI command validator: reads a command as the shell and the AWS CLI (2.9.19) would,
 * checks it against the bundled botocore service models, and reports whether the CLI or the
 * service would reject it.
 */
export { validateCommand } from './validate.ts';
export { splitCommandLines, validateScript, type ScriptCommand, type ScriptLine } from './script.ts';
export { normalizeFilePath } from './files.ts';
export type { CommandValidation, FileProvider, FileReference, ValidateCommandOptions, VariableValue } from './types.ts';
export type { Span, SeverityOverrides } from '../findings.ts';
export { xformName, closeMatches } from './names.ts';
export { COMMAND_CODES, requestEffect, type CommandCodeName, type RequestEffect } from './messages.ts';
export { SERVICE_MODELS, CLI_SERVICES } from './registry.ts';
export type { ServiceModel } from './model.ts';
