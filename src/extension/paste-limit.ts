/**
 * The maximum length of the code text the popup sends for one paste, as for one editor
 * on a page (256 Ki UTF-16 code units). It has a module of its own so that
 * the popup can check it without bundling the worker's zod schemas.
 */
export const MAX_PASTED_CHARS = 256 * 1024;
