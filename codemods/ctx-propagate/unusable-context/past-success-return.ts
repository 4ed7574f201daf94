import type { CancellationSource } from '../../../src/go/cancellation.js';
import { previousStatement, statementsOf, type Node } from '../../../src/go/syntax.js';

/**
 * The call comes, in the same block, after an `if err == nil { return … }` (no else) of the error
 * of a call given the context (`_, err := c.StartUnitContext(ctx, …)`, `if err == nil { return nil }`,
 * then `c.ResetFailedUnitContext(context.Background(), name)`): past that return only the failure
 * path runs, as in the branch of `if err != nil`. The failed call, as written up to its paren.
 */
export function pastSuccessReturn(call: Node, source: CancellationSource): string | undefined {
  for (let stmt: Node | null = call; stmt && stmt !== source.fn && stmt.type !== 'func_literal'; stmt = stmt.parent) {
    if (stmt.parent?.type !== 'statement_list') continue;
    for (let check = previousStatement(stmt); check; check = previousStatement(check)) {
      if (check.type !== 'if_statement' || check.childForFieldName('alternative')) continue;
      const named = /^\s*(\w+)\s*==\s*nil\s*$/.exec(check.childForFieldName('condition')?.text ?? '')?.[1];
      if (!named || !/^(err\w*|[a-z]\w*Err|[a-z]+err)$/.test(named)) continue;
      const end = statementsOf(check.childForFieldName('consequence')).filter((c) => c.type !== 'comment').at(-1);
      if (end?.type !== 'return_statement') continue;
      const sets = (s: Node | null | undefined) => !!s && new RegExp(`\\b${named}\\b`).test(s.childForFieldName('left')?.text ?? '');
      const init = check.childForFieldName('initializer');
      // `if err = f(ctx); err == nil` sets the outer error; `if err := …` one of the if's own.
      if (init?.type === 'short_var_declaration' && sets(init)) continue;
      const setter = sets(init) ? init : previousStatement(check);
      if (!setter || !sets(setter)) continue;
      const failed = setter.descendantsOfType('call_expression').find((c) => (c.childForFieldName('arguments')?.namedChildren ?? []).some((arg) => arg.text === source.expr));
      if (failed) return `${failed.childForFieldName('function')!.text}(${source.expr}, …)`;
    }
  }
  return undefined;
}
