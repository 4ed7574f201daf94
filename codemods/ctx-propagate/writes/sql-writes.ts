import { calledName } from '../../../src/go/called-functions.js';
import type { Node } from '../../../src/go/syntax.js';
import { nameWords } from '../../../src/go/name-words.js';

/** A call named for running a statement: `Exec`, `SQLExec`, `ExecContext`, `MustExec`, `execSQL`… (a word `Exec`, not `Executor`). */
const EXEC_WORD = /^(Exec|exec)$/;

/** A statement that changes rows or tables, by its first word (case aside, after blanks). */
const SQL_WRITE = /^\s*(INSERT|UPDATE|DELETE|UPSERT|REPLACE|MERGE|TRUNCATE)\b/i;

/**
 * The statement verb a call named for running a statement writes with (`s.client.SQLExec(ctx,
 * "INSERT INTO login_audit …", params)`): its statement, a string literal or a constant of the
 * package, starts with `INSERT`, `UPDATE`, `DELETE`, `UPSERT`, `REPLACE`, `MERGE` or `TRUNCATE`.
 * `texts` gives the package's files, to read a constant's value. The verb, in capitals.
 */
export function sqlWriteOf(given: Node, texts: () => string[]): string | undefined {
  const name = calledName(given.childForFieldName('function')!)?.name ?? '';
  if (!nameWords(name).some((w) => EXEC_WORD.test(w))) return undefined;
  for (const arg of given.childForFieldName('arguments')?.namedChildren ?? []) {
    const text = arg.type === 'interpreted_string_literal' || arg.type === 'raw_string_literal' ? arg.text.slice(1) : arg.type === 'identifier' ? constantValue(arg.text, texts()) : undefined;
    const verb = text === undefined ? undefined : SQL_WRITE.exec(text.replace(/^(\\[nt])+/, ''))?.[1];
    if (verb) return verb.toUpperCase();
  }
  return undefined;
}

/** The text of a string constant of the package, from its opening quote on (`const q = "INSERT …"`, or a line of a `const (…)` group). */
function constantValue(name: string, texts: string[]): string | undefined {
  const spec = new RegExp(`^([ \\t]*(?:const[ \\t]+)?)${name}(?:[ \\t]+string)?[ \\t]*=[ \\t]*(\`[^\`]*|"(?:[^"\\\\\\n]|\\\\.)*)`, 'gm');
  for (const text of texts) {
    for (const m of text.matchAll(spec)) {
      // `const q = …`, or a line of a group still open, whose last opening before it is `const (`.
      const opening = [...text.slice(0, m.index).matchAll(/^(const|var)[ \t]*\(/gm)].at(-1);
      const inConstGroup = opening?.[1] === 'const' && !/^\)/m.test(text.slice(opening.index!, m.index));
      if (m[1].includes('const') || inConstGroup) return m[2].slice(1);
    }
  }
  return undefined;
}
