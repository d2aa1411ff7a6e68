/** The state of checking one operation's arguments, and where their values are in the command. */
import type { ParsedArg } from './argparse.ts';
import type { OperationTable } from './cli-table.ts';
import { locateValue, type ValueText } from './locate.ts';
import type { Member, ServiceModel } from './model.ts';
import type { ParamValidator } from './params.ts';
import type { CommandContext } from './stage.ts';
import type { Unpacked, Unpacker } from './unpack.ts';
import type { PyValue } from './values.ts';

export interface Operation {
  context: CommandContext;
  model: ServiceModel;
  apiName: string;
  cliName: string;
  table: OperationTable;
  unpacker: Unpacker;
  validator: ParamValidator;
  /** Parameter values before conversion to plain data. */
  values: Map<string, PyValue>;
  /** Locations of each parameter's parts. */
  parts: Map<string, Unpacked['parts']>;
  /**
   * Whether botocore validates the parameters: false when `--generate-cli-skeleton` prints an
   * input template, because the CLI then builds the parameters but calls no client.
   */
  validates: boolean;
}

/** Returns the texts of an argument's values, each with its place in the command. */
export function valueTexts(context: CommandContext, arg: ParsedArg): ValueText[] {
  return arg.values.map((text, k) => {
    const index = arg.valueIndexes[k] ?? -1;
    const wordIndex = index === -1 ? arg.optionIndex : index;
    const word = context.argv[wordIndex] ?? { value: text, offsets: new Int32Array(text.length + 1), start: 0, end: 0, unknown: false };
    return { text, kind: 'word' as const, word, shift: index === -1 ? word.value.length - text.length : 0 };
  });
}

export function argumentSpan(context: CommandContext, arg: ParsedArg) {
  const indexes = arg.valueIndexes.map((i) => (i === -1 ? arg.optionIndex : i));
  const first = context.argv[indexes[0] ?? arg.optionIndex];
  const last = context.argv[indexes.at(-1) ?? arg.optionIndex];
  if (!first || !last) return context.wordSpan(arg.optionIndex);
  if (indexes[0] === arg.optionIndex && arg.explicit !== undefined) {
    const start = first.offsets[first.value.length - arg.explicit.length] ?? first.start;
    return context.lines.span(start, first.end);
  }
  return context.lines.span(first.start, last.end);
}

export function inputMember(operation: Operation, member: string): Member | undefined {
  return operation.table.inputMembers.get(member);
}

export function argumentSpanOf(context: CommandContext, text: ValueText) {
  if (text.kind === 'file') return context.lines.span(0, 0);
  return locateValue(context.lines, text, [0, text.text.length]).span;
}
