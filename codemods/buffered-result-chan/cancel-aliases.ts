import { type Node } from '../../src/go/syntax.js';
import { positionalParams } from '../../src/go/scope.js';

// Other names under which the sending goroutine may call a context's cancel function.

/** A name the goroutine's literal may call the cancel by, and how it came to stand for it. */
export interface CancelAlias {
  name: string;
  via: string;
}

/**
 * The names that stand for `cancel` in `literal`, besides `cancel` itself: the literal's parameter
 * the go statement hands it to (`go func(release context.CancelFunc) { defer release() … }(cancel)`),
 * and a field or variable the maker sets to it before the go statement (`rq.stop = cancel`, then
 * `defer rq.stop()` in the goroutine).
 */
export function cancelAliases(literal: Node, maker: Node, cancel: string): CancelAlias[] {
  const out: CancelAlias[] = [];
  const call = literal.parent;
  if (call?.type === 'call_expression' && call.childForFieldName('function')?.id === literal.id) {
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    const params = positionalParams(literal);
    args.forEach((arg, i) => {
      const param = params[i];
      if (arg.text === cancel && param && param !== '_') out.push({ name: param, via: `that is ${cancel} handed in as ${param}` });
    });
  }
  for (const assign of maker.descendantsOfType(['assignment_statement', 'short_var_declaration'])) {
    if (assign.startIndex > literal.startIndex) continue;
    const left = assign.childForFieldName('left')?.namedChildren ?? [];
    const right = assign.childForFieldName('right')?.namedChildren ?? [];
    if (left.length !== right.length) continue;
    left.forEach((l, i) => {
      if (right[i].text !== cancel || !/^(identifier|selector_expression)$/.test(l.type)) return;
      const name = l.text.replace(/\s/g, '');
      if (name !== '_' && name !== cancel) out.push({ name, via: `that is ${cancel} stored in ${name} on line ${assign.startPosition.row + 1}` });
    });
  }
  return out;
}
