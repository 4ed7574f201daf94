import { codeOnly, regexEscaped } from '../../src/go/find-by-text.js';
import type { PackageIndex } from '../../src/go/package-index.js';
import { contains, enclosingFunction, insideLiteral, type Node } from '../../src/go/syntax.js';
import { declarationOf, selectedField } from '../../src/go/scope.js';

// Goroutines on one end of a pipe: its reader waits on what they write, and on its end.

/**
 * A deferred close of an `io.Pipe` writer (`defer pw.Close()`, `defer w.CloseWithError(err)`,
 * also in a deferred literal), the writer made by the function that starts the goroutine: its
 * reader takes the close as the end of the data (opencost's S3 Select rows, oathkeeper's body
 * piped to an authorizer). As written, up to its paren.
 */
export function pipeClosedOnExit(stmts: Node[], go: Node, index: PackageIndex): string | undefined {
  const fn = enclosingFunction(go);
  for (const st of stmts.filter((s) => s.type === 'defer_statement')) {
    // Or in a deferred literal (`defer func() { _ = write.CloseWithError(err) }()`).
    for (const m of st.text.matchAll(/(?<![\w.])([\w.]+)\.(Close|CloseWithError)\(/g)) {
      const name = regexEscaped(m[1].split('.').pop()!);
      // Made by io.Pipe where it is started, or a field, a parameter or the literal's own
      // parameter the package declares a pipe writer or sets from io.Pipe (kubesphere's
      // `t.reader, t.outStream = io.Pipe()`, recovered, reconnected its download for good).
      const made = new RegExp(`,\\s*${regexEscaped(m[1])}\\s*:?=\\s*io\\.Pipe\\(\\)`).test(fn?.text ?? '');
      if (made || index.anyTextMatches(new RegExp(`\\b${name}\\s+\\*io\\.PipeWriter\\b|,\\s*[\\w.]*\\b${name}\\s*:?=\\s*io\\.Pipe\\(\\)`))) return `${m[1]}.${m[2]}(…)`;
    }
  }
  return undefined;
}

/** The two ends of a pipe a function makes (`in, out := net.Pipe()`, `pr, pw := io.Pipe()`, `r, w, err := os.Pipe()`). */
const PIPE_MADE = /(?<![\w.])(\w+)\s*,\s*(\w+)\s*(?:,\s*\w+\s*)?:?=\s*(net|io|os)\.Pipe\(\)/g;

/**
 * A pipe its starting function makes whose write end the goroutine alone uses, the other end
 * left to a reader (gravity's `NewTailReader`: a goroutine writes each tailed line to `in`, and
 * the reader it returns reads `out`): a panic, recovered, leaves the reader waiting for good.
 */
export function pipeFedAlone(stmts: Node[], go: Node): string | undefined {
  const fn = enclosingFunction(go);
  const code = codeOnly(stmts.map((s) => s.text).join('\n'));
  const names = (name: string) => new RegExp(`(?<![\\w.])${regexEscaped(name)}\\b`).test(code);
  for (const m of codeOnly(fn?.text ?? '').matchAll(PIPE_MADE)) {
    // An io.Pipe's (and os.Pipe's) writer is its second end; either end of a net.Pipe writes.
    const ends = m[3] === 'net' ? [[m[1], m[2]], [m[2], m[1]]] : [[m[2], m[1]]];
    const [end, other] = ends.find(([end, other]) => end !== '_' && names(end) && !names(other)) ?? [];
    if (end) return `the goroutine alone writes to ${end}, one end of a pipe its function makes (${m[0].trim()}), and ${other} is read elsewhere: recovered, a panic would leave ${end} open and silent, and the reader of ${other} waiting forever where the process used to crash`;
  }
  return undefined;
}

/**
 * The read end of an \`io.Pipe\` that a function of the package makes and returns, handed to the
 * goroutine (\`rc, prc := NewDualReadCloser(resp.Body)\`, then \`go func(…, prc io.ReadCloser, …) {
 * cache(prc) }(…, prc, …)\`, the pipe's writer teeing the caller's response into it: openyurt's
 * response cache), its write end kept elsewhere: recovered, a panic would leave the pipe unread
 * and open, and each write to it blocked for good.
 */
export function pipeDrainedAlone(stmts: Node[], go: Node, index: PackageIndex): string | undefined {
  const fn = enclosingFunction(go);
  const code = codeOnly(stmts.map((s) => s.text).join('\n')) + (go.namedChild(0)?.childForFieldName('arguments')?.text ?? '');
  for (const decl of fn?.descendantsOfType('short_var_declaration') ?? []) {
    const call = decl.childForFieldName('right')?.namedChildren[0];
    const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
    if (callee?.type !== 'identifier' || decl.startIndex > go.startIndex) continue;
    const left = decl.childForFieldName('left')!.namedChildren.map((n) => n.text);
    for (const made of index.functionsNamed(callee.text, false, (t) => /\bio\.Pipe\(\)/.test(t))) {
      const pipe = [...codeOnly(made.text).matchAll(PIPE_MADE)].find((m) => m[3] === 'io');
      // Where the pipe's reader stands among what the function returns.
      const returned = pipe ? made.descendantsOfType('return_statement').map((r) => (r.namedChild(0)?.namedChildren ?? []).map((e) => e.text)) : [];
      const at = returned.map((r) => r.indexOf(pipe![1])).find((i) => i >= 0);
      const reader = at === undefined || at < 0 ? undefined : left[at];
      if (reader && reader !== '_' && new RegExp(`(?<![\\w.])${regexEscaped(reader)}\\b`).test(code)) {
        return `the goroutine reads ${reader}, the read end of a pipe ${callee.text} makes (${pipe![0].trim()}) and writes to elsewhere: recovered, a panic would leave ${reader} unread and open, and each write to the pipe waiting forever where the process used to crash`;
      }
    }
  }
  return undefined;
}

/**
 * A channel of values, declared outside the goroutine (a parameter of the function starting it, or
 * a channel it makes), that the goroutine closes in a defer (\`defer close(results)\`): its reader
 * takes the close as the end of the stream (LocalAI's vllm backend, its token callback panicking,
 * would have answered a truncated completion as a success). Not a \`chan struct{}\`: a signal of
 * the end, not the values. The close, as written.
 */
export function streamClosedOnExit(stmts: Node[], body: Node, go: Node, index: PackageIndex): string | undefined {
  for (const chan of stmts.filter((s) => s.type === 'defer_statement').flatMap(deferredCloses)) {
    // A field of the struct the goroutine fills (`close(s.resultChan)`, seaweedfs's streamed
    // query rows, whose reader takes the close as the end of the rows).
    if (chan.type === 'selector_expression') {
      if (elementCarried(selectedField(chan, index)?.typeNode.text ?? '')) return `close(${chan.text})`;
      continue;
    }
    const found = declarationOf(chan.text, go);
    if (!found) continue;
    const type = 'param' in found ? found.param.typeNode.text : /^make\((.*)/s.exec(found.local.value?.text ?? '')?.[1] ?? found.local.typeNode?.text ?? '';
    if ('local' in found && contains(body, found.local.decl)) continue;
    if (elementCarried(type)) return `close(${chan.text})`;
  }
  return undefined;
}

/** Whether a channel type carries values (`chan *Result`), not only its close (`chan struct{}`). */
function elementCarried(type: string): boolean {
  const element = /^(?:<-\s*)?chan\s*(?:<-\s*)?([^,)]+)/.exec(type.trim())?.[1]?.trim();
  return !!element && !/^struct\s*\{\s*\}$/.test(element);
}

/**
 * The channels a defer closes: \`defer close(results)\`, or \`close(keyc)\` in a deferred literal
 * (\`defer func() { close(keyc); wg.Done() }()\`: etcd's watch benchmark), also under a guard
 * closing them once (\`if atomic.CompareAndSwapInt32(&s.closed, 0, 1) { close(s.resultChan) … }\`).
 */
function deferredCloses(st: Node): Node[] {
  const call = st.namedChild(0);
  if (call?.type !== 'call_expression') return [];
  const literal = call.childForFieldName('arguments')?.namedChildCount === 0 ? call.childForFieldName('function') : undefined;
  const calls = literal?.type === 'func_literal' ? literal.childForFieldName('body')!.descendantsOfType('call_expression').filter((c) => !insideLiteral(c, literal.childForFieldName('body')!)) : [call];
  return calls.flatMap((c) => {
    const args = c.childForFieldName('arguments')?.namedChildren ?? [];
    const chan = args.length === 1 && c.childForFieldName('function')?.text === 'close' ? args[0] : undefined;
    return chan && (chan.type === 'identifier' || (chan.type === 'selector_expression' && chan.childForFieldName('operand')?.type === 'identifier')) ? [chan] : [];
  });
}
