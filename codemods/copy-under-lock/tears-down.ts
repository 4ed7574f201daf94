import type { Node } from '../../src/go/syntax.js';

const TEARDOWN_METHOD = /^(Close|Stop|Shutdown)$/;

/**
 * The receiver's fields a section only tears down, and its first close as written
 * (`c.debugLog.Close()`): every statement closes or stops a field (`c.log.Close()`, `s.t.Stop()`,
 * `close(s.ch)`, also returned: `return c.log.Close()`), sets one to nil, returns nil, or tests one
 * against nil around those. Undefined when it does anything else, or closes nothing.
 */
export function tearsDownOnly(stmts: Node[], recv: string): { fields: Set<string>; close: string } | undefined {
  const fields = new Set<string>();
  let close: string | undefined;
  const field = (n: Node | null | undefined): string | undefined =>
    n?.type === 'selector_expression' && n.childForFieldName('operand')?.text === recv ? n.childForFieldName('field')!.text : undefined;
  const teardown = (c: Node | null | undefined): boolean => {
    if (c?.type !== 'call_expression') return false;
    const fn = c.childForFieldName('function')!;
    const args = c.childForFieldName('arguments')?.namedChildren ?? [];
    const target = fn.type === 'identifier' && fn.text === 'close' && args.length === 1 ? field(args[0])
      : fn.type === 'selector_expression' && TEARDOWN_METHOD.test(fn.childForFieldName('field')!.text) && args.length === 0 ? field(fn.childForFieldName('operand')) : undefined;
    if (!target) return false;
    fields.add(target);
    close ??= c.text;
    return true;
  };
  const nilTest = (c: Node | null | undefined): boolean => {
    if (c?.type === 'parenthesized_expression') return nilTest(c.namedChild(0));
    if (c?.type !== 'binary_expression' || !['==', '!='].includes(c.childForFieldName('operator')?.text ?? '')) return false;
    const [l, r] = [c.childForFieldName('left'), c.childForFieldName('right')];
    const f = r?.text === 'nil' ? field(l) : l?.text === 'nil' ? field(r) : undefined;
    if (f) fields.add(f);
    return !!f;
  };
  const ok = (s: Node): boolean => {
    switch (s.type) {
      case 'comment':
        return true;
      case 'block':
      case 'statement_list':
        return s.namedChildren.every(ok);
      case 'expression_statement':
        return teardown(s.namedChild(0));
      case 'return_statement': {
        const values = s.namedChild(0)?.namedChildren ?? [];
        return values.every((v) => v.text === 'nil' || teardown(v));
      }
      case 'assignment_statement': {
        const left = s.childForFieldName('left')!.namedChildren;
        const right = s.childForFieldName('right')!.namedChildren;
        if (s.childForFieldName('operator')?.text !== '=' || !right.every((r) => r.text === 'nil')) return false;
        return left.every((l) => { const f = field(l); if (f) fields.add(f); return !!f; });
      }
      case 'if_statement': {
        if (s.childForFieldName('initializer') || !nilTest(s.childForFieldName('condition'))) return false;
        return [s.childForFieldName('consequence'), s.childForFieldName('alternative')].every((b) => !b || ok(b));
      }
      default:
        return false;
    }
  };
  return stmts.every(ok) && close ? { fields, close } : undefined;
}
