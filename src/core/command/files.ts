/** Loading of `file://` and `fileb://` parameter values and streaming bodies through the caller's file provider. */
import { commandFinding } from './messages.ts';
import { argumentSpanOf, inputMember, type Operation } from './operation.ts';
import type { CommandContext } from './stage.ts';
import type { ValueText } from './locate.ts';

/** Loads `file://` and `fileb://` values as awscli's paramfile handler does; undefined stops the checks. */
export function loadFiles(operation: Operation, member: string, option: string, texts: ValueText[], shapeName: string): ValueText[] | undefined {
  const { context } = operation;
  const shape = operation.model.shapes[shapeName];
  const ref = inputMember(operation, member);
  const streaming = shape?.type === 'blob' && (shape.streaming === true || (typeof ref === 'object' && ref.streaming === true));
  if (streaming) return checkStreamingBody(operation, member, option, texts);
  const only = texts.length === 1 ? texts[0] : undefined;
  const match = only ? /^(fileb?):\/\//.exec(only.text) : null;
  if (!only || !match) return texts;

  const scheme = match[1] === 'fileb' ? 'fileb' : 'file';
  const written = only.text.slice(match[0].length);
  const path = normalizeFilePath(written);
  const span = argumentSpanOf(context, only);
  const provider = context.options.files;
  const content = provider ? safeRead(provider, written, scheme) : undefined;
  context.result.fileReferences.push({ parameter: member, scheme, path, found: content !== undefined });
  const data = { parameter: member, option, file: path };
  if (!provider || content === null) {
    context.findings.push(commandFinding({ code: 'FILE_NOT_READ', data, span }));
    return undefined;
  }
  if (content === undefined) {
    context.findings.push(commandFinding({ code: 'FILE_NOT_FOUND', data, span }));
    return undefined;
  }
  if (scheme === 'fileb' && shape?.type !== 'blob') {
    const issue = { code: 'VALUE_INVALID_TYPE' as const, path: member, data: { path: member, expected: 'a string', actual: 'bytes' } };
    context.findings.push(commandFinding({ code: issue.code, data: { ...issue.data, ...data }, span, path: option }));
    return undefined;
  }
  return [{ text: content, kind: 'file', file: path }];
}

function safeRead(provider: NonNullable<CommandContext['options']['files']>, path: string, scheme: 'file' | 'fileb'): string | undefined | null {
  try {
    const content = provider(path, scheme);
    return typeof content === 'string' || content === null ? content : undefined;
  } catch {
    return undefined;
  }
}

/** Normalizes a relative path as the CLI resolves it: `./a.json` and `a.json` are the same file. */
export function normalizeFilePath(path: string): string {
  return path.replace(/^(?:\.\/)+/, '');
}

/** A streaming body such as `put-object --body` is a plain path to a file, which must exist. */
function checkStreamingBody(operation: Operation, member: string, option: string, texts: ValueText[]): undefined {
  const { context } = operation;
  const text = texts[0];
  if (!text) return undefined;
  const path = normalizeFilePath(text.text);
  const provider = context.options.files;
  const found = provider ? safeRead(provider, text.text, 'fileb') != null : false;
  context.result.fileReferences.push({ parameter: member, scheme: 'fileb', path, found });
  operation.values.set(member, text.text);
  const data = { parameter: member, option, file: path };
  const span = argumentSpanOf(context, text);
  if (!provider) context.findings.push(commandFinding({ code: 'FILE_NOT_READ', data, span }));
  else if (!found) context.findings.push(commandFinding({ code: 'BLOB_NOT_A_FILE', data, span }));
  return undefined;
}
