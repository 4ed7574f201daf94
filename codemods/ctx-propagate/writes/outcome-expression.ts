import { unparen, type Node } from '../../../src/go/syntax.js';

// An argument that is not an error itself but says what became of one: `err == nil`, `err !=
// nil`, `errors.Is(err, io.EOF)`, `err.Error()` (tinode's FinishUpload(ctx, fdef, err == nil,
// size), recording whether the upload given ctx succeeded). Its error is the outcome it reports.

/** A name for an error: `err`, `uploadErr`, `runError`. */
const ERROR_NAME = /^(err|\w*Err|\w*Error)$/;

/** The error identifier `arg` tells the outcome of, if it is one of those shapes. */
export function errorTold(arg: Node): Node | undefined {
  const a = unparen(arg);
  const named = (n: Node | null | undefined) => {
    const u = n ? unparen(n) : undefined;
    return u?.type === 'identifier' && ERROR_NAME.test(u.text) ? u : undefined;
  };
  if (a.type === 'binary_expression' && /^[!=]=$/.test(a.childForFieldName('operator')?.text ?? '')) {
    const [l, r] = [a.childForFieldName('left'), a.childForFieldName('right')];
    if (r?.text === 'nil') return named(l);
    if (l?.text === 'nil') return named(r);
    return undefined;
  }
  if (a.type === 'unary_expression' && a.childForFieldName('operator')?.text === '!') return errorTold(a.childForFieldName('operand')!);
  if (a.type !== 'call_expression') return undefined;
  const fn = a.childForFieldName('function')!;
  const args = a.childForFieldName('arguments')?.namedChildren ?? [];
  if (/^errors\.(Is|As)$/.test(fn.text)) return named(args[0]);
  return fn.type === 'selector_expression' && fn.childForFieldName('field')!.text === 'Error' && args.length === 0 ? named(fn.childForFieldName('operand')) : undefined;
}
