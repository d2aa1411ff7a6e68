/**
 * POSIX shell lexing for learners' commands and scripts. `lexShell` (lexer.ts) splits text into
 * words, operators, comments and here-documents with source offsets. `expandWord` substitutes
 * known variables, and `simpleCommands` groups the tokens into simple commands.
 */
export { lexShell } from './lexer.ts';
export { expandWord, simpleCommands } from './expand.ts';
export type { ExpandedWord, ShellRedirection, SimpleCommand } from './expand.ts';
export type * from './types.ts';
export { asciiFor, describeCharacter, findLookalike, lookalikeKind, CURLY_QUOTES } from './lookalikes.ts';
export type { CharacterDescription, LookalikeKind } from './lookalikes.ts';
