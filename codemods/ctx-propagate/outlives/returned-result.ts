import type { CancellationSource } from '../../../src/go/cancellation.js';
import { enclosingFunction, firstLine, returnedValues, same, type Node } from '../../../src/go/syntax.js';

// A result of the call, held in a local, that the function returns as it is (`tx, err :=
// c.db.BeginTx(context.Background(), nil)` … `return tx, nil`), or a named result the call sets
// (`tx, err = …` … `return`). The caller uses it after this function returns: a transaction, rows
// or a stream is tied to the context it was made with, and given the one in scope it would end
// with it (sqlc's seed transactions, committed after the errgroup's context ended, all failed).

/** Why the call's result, returned by the function, outlives it, if it does: the reason, in full. */
export function returnedResult(given: Node | undefined, source: CancellationSource): string | undefined {
  const fn = given && enclosingFunction(given);
  const list = given?.parent?.type === 'expression_list' ? given.parent.parent : undefined;
  if (!fn || !list || !same(list.childForFieldName('right'), given!.parent)) return undefined;
  if (list.type !== 'short_var_declaration' && list.type !== 'assignment_statement') return undefined;
  const names = list.childForFieldName('left')!.namedChildren.filter((n) => n.type === 'identifier' && n.text !== '_' && !/^(err|\w*Err)$/.test(n.text)).map((n) => n.text);
  if (names.length === 0) return undefined;
  const results = resultList(fn);
  const named = list.type === 'assignment_statement' ? results.map((r) => r.name) : [];
  const returns = fn.descendantsOfType('return_statement').filter((r) => r.startIndex > list.endIndex && same(enclosingFunction(r), fn));
  // Only a result of a type named for what lives on its context (`*sql.Tx`), not data (`string`).
  const live = (i: number) => i >= 0 && i < results.length && LIVE.test(results[i].type) ? results[i].type : undefined;
  for (const name of names) {
    const asIs = returns.map((r) => ({ r, type: live(returnedValues(r).findIndex((e) => e.text === name)) })).find((x) => x.type);
    const bare = named.includes(name) && live(named.indexOf(name)) ? returns.find((r) => returnedValues(r).length === 0) : undefined;
    if (!asIs && !bare) continue;
    const how = asIs ? `a ${asIs.type}, in ${firstLine(asIs.r.text)}` : `a ${live(named.indexOf(name))}, the named result, by a bare return on line ${bare!.startPosition.row + 1}`;
    return `${firstLine(given!.text)} makes what the function returns (${name}, ${how}): the caller uses it after this function returns, and a transaction, rows, a request or a stream lives on the context it was made with, so given ${source.expr} it would end with it`;
  }
  return undefined;
}

/** A result type named for something tied to the context it is made with, to its last word. */
const LIVE = /(^|[.*\]])(\w*(Tx|Txn|Transaction|Rows|Stmt|Request|Stream|Iterator|Cursor|Watcher|Subscription|WatchChan))$/;

/** The function's results in order, each with its name ('' if none) and type as written (`(tx *sql.Tx, err error)`). */
function resultList(fn: Node): { name: string; type: string }[] {
  const result = fn.childForFieldName('result');
  if (!result) return [];
  if (result.type !== 'parameter_list') return [{ name: '', type: result.text }];
  return result.namedChildren.flatMap((p) => {
    const type = p.childForFieldName('type')?.text ?? '';
    const names = p.childrenForFieldName('name');
    return names.length > 0 ? names.map((n) => ({ name: n.text, type })) : [{ name: '', type }];
  });
}
