import { ancestors, FUNCTION_TYPES, same, type Node } from '../../../src/go/syntax.js';

/** A function named for ending a transaction: `Commit`, `CommitContext`, `Rollback`, `RollbackTx`, `rollbackTxn`… */
const ENDS_TRANSACTION = /^(commit|rollback)(Context|Ctx|Tx|Txn|Transaction)?$/i;

/** A statement that ends a transaction, by its first word (case aside, after blanks). */
const END_STATEMENT = /^\s*(COMMIT|ROLLBACK)\b/i;

/**
 * Where the call ends a transaction: in a function named for it, from the call out to the
 * context's owner (go-pg's `CommitContext(ctx)`, which runs COMMIT with `context.Background()`),
 * or given a COMMIT or ROLLBACK statement (`tx.ExecContext(context.Background(), "COMMIT")`).
 * The function as written (`CommitContext()`) or the statement's verb, and whether it commits.
 */
export function endsTransaction(call: Node, outer: Node): { what: string; commits: boolean } | undefined {
  const given = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  for (const arg of given?.childForFieldName('arguments')?.namedChildren ?? []) {
    const text = arg.type === 'interpreted_string_literal' || arg.type === 'raw_string_literal' ? arg.text.slice(1) : undefined;
    const verb = text === undefined ? undefined : END_STATEMENT.exec(text)?.[1].toUpperCase();
    if (verb) return { what: `${given!.childForFieldName('function')!.text}(…) runs ${verb}`, commits: verb === 'COMMIT' };
  }
  for (const fn of ancestors(call).filter((a) => FUNCTION_TYPES.has(a.type))) {
    const name = fn.childForFieldName('name')?.text;
    if (name && ENDS_TRANSACTION.test(name)) return { what: `the function ends a transaction, ${name}()`, commits: /^commit/i.test(name) };
    if (same(fn, outer)) break;
  }
  return undefined;
}

/** Why the call keeps its empty context when it ends a transaction, if it does. */
export function transactionEndReason(call: Node, outer: Node, inScope: string): string | undefined {
  const ends = endsTransaction(call, outer);
  if (!ends) return undefined;
  const lost = ends.commits ? 'a COMMIT cancelled half-way loses the work the transaction did' : 'a ROLLBACK cancelled half-way leaves the transaction open on its connection, its locks held';
  return `${ends.what}: the empty context keeps the transaction's end from being cut short by ${inScope}, and ${lost}`;
}
