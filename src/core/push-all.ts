/**
 * Appends every item of `items` to `target` one at a time. `push(...items)`
 * passes each item as an argument of one call, and a few hundred thousand
 * arguments overflow the engine's stack (RangeError) in V8.
 */
export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
