import { regexEscaped } from './find-by-text.js';
import type { PackageIndex } from './package-index.js';

/**
 * The package's methods that only hand a field out (`func (j *saveJob) Done() <-chan struct{} {
 * return j.done }`), of the type `owner` when given: their names, in the package's file order.
 */
export function fieldGetters(field: string, index: PackageIndex, owner?: string): string[] {
  const recv = owner ? `\\w+\\s+\\*?${regexEscaped(owner)}\\b[^)]*` : '[^)]*';
  // The result type may hold braces of its own (`<-chan struct{}`).
  const getter = new RegExp(`^func\\s*\\(\\s*${recv}\\)\\s*(\\w+)\\(\\)(?:[^{\\n]|struct\\s*\\{\\s*\\})*\\{\\s*return\\s+\\w+\\.${regexEscaped(field)}\\s*\\}`, 'gm');
  return [...new Set(index.allTexts().flatMap((text) => Array.from(text.matchAll(getter), (m) => m[1])))];
}
