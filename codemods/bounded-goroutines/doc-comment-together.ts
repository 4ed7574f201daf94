import { ancestors, type Node } from '../../src/go/syntax.js';

/** Words of a doc comment saying the function runs its work together. */
const AT_ONCE = /\b(concurrently|in parallel|at once|simultaneously|all together|at the same time)\b/i;

/** Sentences about being safe to call or use concurrently: about the caller's goroutines, not the function's own. */
const CALLERS = /\b(safe|thread-?safe|call(s|ed|ing)?|invok(e|ed|ing)|us(e|ed|ing))\b[^.]*\b(concurrently|in parallel|at the same time|simultaneously)\b/i;

/**
 * Why the doc comment of the function the loop is in (the comment lines right above its
 * declaration) says it runs its work at once, if it does (`// AggregateErrors runs fns
 * concurrently, …`: gloo's error aggregation, whose callers' functions wait on each other). Not
 * one saying it is safe to call concurrently. Read from the source: a file parsed in part may
 * leave the comment out of the tree (it ends the segment of the function before).
 */
export function docSaysTogether(go: Node, source: string): string | undefined {
  for (const fn of ancestors(go)) {
    if (fn.type !== 'function_declaration' && fn.type !== 'method_declaration') continue;
    const lines: string[] = [];
    for (let end = source.lastIndexOf('\n', fn.startIndex - 1); end > 0; ) {
      const start = source.lastIndexOf('\n', end - 1) + 1;
      const line = source.slice(start, end).trim();
      if (!line.startsWith('//')) break;
      lines.unshift(line);
      end = start - 1;
    }
    // Its first clause, naming the function as Go's doc comments do (`AggregateErrors runs fns
    // concurrently, …`), not a later one describing the goroutines (`… waits at the end: each runs at once`).
    const name = fn.childForFieldName('name')?.text ?? '';
    const text = lines.map((c) => c.replace(/^\/\/\s?/, '')).join(' ');
    const clause = new RegExp(`^${name}\\b[^.:;]*`).exec(text)?.[0] ?? '';
    const said = AT_ONCE.test(clause) && !CALLERS.test(clause) ? lines[0] : undefined;
    if (!said) return undefined;
    const word = AT_ONCE.exec(clause)![0];
    return `${name}()'s doc comment says it runs its work ${word.toLowerCase()} (\`${said}\`): callers may count on every goroutine running together (work that meets, a test of concurrency), and a bound would queue them`;
  }
  return undefined;
}
