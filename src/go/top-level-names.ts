/** Per package index, by name: whether the package's texts declare it at top level. */
const declared = new WeakMap<object, Map<string, boolean>>();

/**
 * Whether the package declares `name` at top level (`var log = …`, `func log(…)`, or assigned as
 * one in a var block), read from its files' text: such a name cannot be an import's.
 */
export function declaresName(index: { anyTextMatches(pattern: RegExp): boolean }, name: string): boolean {
  let byName = declared.get(index);
  if (!byName) declared.set(index, (byName = new Map()));
  let found = byName.get(name);
  if (found === undefined) {
    // The name as a word first (a fast scan), its declarations only where it appears.
    found =
      index.anyTextMatches(new RegExp(`\\b${name}\\b`)) &&
      (index.anyTextMatches(new RegExp(`^(?:var|const|type)[ \\t]+(?:\\w+[ \\t]*,[ \\t]*)*${name}\\b|^func[ \\t]+${name}[ \\t]*[(\\[]`, 'm')) ||
        // An entry of a top-level block (`var (\n\tlog = logging.Logger(…)\n)`), not a statement
        // of a function (`log = log.With(…)`, a local of revel's router).
        // Also one of several names of an entry (`\tname, log = …`).
        index.anyTextMatches(new RegExp(`^(?:var|const|type)[ \\t]*\\((?:(?!^\\))[\\s\\S])*?^[ \\t]+(?:\\w+[ \\t]*,[ \\t]*)*${name}\\b`, 'm')));
    byName.set(name, found);
  }
  return found;
}
