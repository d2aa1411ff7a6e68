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
  const span = argumentSpanOf(context, only);
  const provider = context.options.files;
  let path = normalizeFilePath(written);
  let content = provider ? safeRead(provider, written, scheme) : undefined;
  const inHome = homeRelativePath(written);
  if (provider && content === undefined && inHome !== undefined) {
    // The lab's files are in the folder the command runs in, and a new shell starts in the home
    // folder, so `~/a.json` is taken for `a.json` when only that one exists.
    content = safeRead(provider, inHome, scheme);
    if (typeof content === 'string') {
      path = normalizeFilePath(inHome);
      context.findings.push(commandFinding({ code: 'FILE_PATH_HOME', data: { parameter: member, option, file: path, written }, span }));
    }
  }
  context.result.fileReferences.push({ parameter: member, scheme, path, found: typeof content === 'string' });
  const data = { parameter: member, option, file: path };
  if (!provider || content === null) {
    context.findings.push(commandFinding({ code: 'FILE_NOT_READ', data, span }));
    return undefined;
  }
  if (content === undefined) {
    const expansion = environmentExpansion(written);
    if (expansion) context.findings.push(commandFinding({ code: 'FILE_PATH_UNKNOWN', data: { ...data, expansion }, span }));
    else context.findings.push(commandFinding({ code: 'FILE_NOT_FOUND', data, span }));
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

/**
 * Returns whether the value is `file://$HOME/...` whose only unknown part is $HOME, which the
 * shell expands to the home folder. It is read as `file://~/...` is.
 */
export function isHomeFileReference(texts: ValueText[]): boolean {
  const [only] = texts;
  return texts.length === 1 && only !== undefined && /^fileb?:\/\/(?:\$HOME|\$\{HOME\})\/[^$`]*$/.test(only.text);
}

/**
 * Returns the path inside the home folder of `~/a.json`, `$HOME/a.json` or `${HOME}/a.json`,
 * which awscli's paramfile expands with `os.path.expanduser` and `os.path.expandvars`.
 */
function homeRelativePath(path: string): string | undefined {
  const match = /^(?:~|\$HOME|\$\{HOME\})\/+(?=[^/])/.exec(path);
  return match ? path.slice(match[0].length) : undefined;
}

/**
 * Returns the first part of a path that awscli expands from its environment, as Python's
 * `expanduser` (`~`, `~user`) and `expandvars` (`$NAME`, `${NAME}`) read them, if any.
 */
function environmentExpansion(path: string): string | undefined {
  const user = /^~[^/]*/.exec(path);
  if (user) return user[0];
  return /\$(?:\w+|\{[^}]*\})/.exec(path)?.[0];
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
