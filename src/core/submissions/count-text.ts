/**
 * Writes a count with its noun in the right number: `1 item`, `2 items`.
 * `plural` is for nouns that do not just add an s, such as `entries`.
 */
export function countText(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
