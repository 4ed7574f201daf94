import { codeOnly, regexEscaped } from '../../../src/go/find-by-text.js';
import { enclosingFunction, same, unparen, type Node } from '../../../src/go/syntax.js';

// A function of the package that hands its context parameter to exec.CommandContext and starts
// the command with `.Start()` (not Run, Output or CombinedOutput, which wait for it): the process
// runs on after the function returns, and the context kills it when it ends (livego's
// Transcoder.Launch, whose ffmpeg, given the handler's context, died as the request ended).

/**
 * How `decl` starts a process with its parameter `param` that outlives its call, as written:
 * `starts a process with it (t.cmd = exec.CommandContext(ctx, …), then t.cmd.Start()) …`.
 * Not when the function waits for it itself (`cmd.Wait()` after the start).
 */
export function startsProcessWith(decl: Node, param: string): string | undefined {
  const body = decl.childForFieldName('body');
  if (!body) return undefined;
  for (const made of body.descendantsOfType('call_expression')) {
    if (!/(^|\.)CommandContext$/.test(made.childForFieldName('function')!.text) || !same(enclosingFunction(made), decl)) continue;
    const first = made.childForFieldName('arguments')?.namedChildren[0];
    if (!first || unparen(first).text !== param) continue;
    // `cmd := exec.CommandContext(ctx, …)` or `t.cmd = exec.CommandContext(ctx, …)`.
    const list = made.parent?.type === 'expression_list' ? made.parent.parent : undefined;
    if (list?.type !== 'short_var_declaration' && list?.type !== 'assignment_statement') continue;
    const name = list.childForFieldName('left')!.namedChildren[0]?.text;
    if (!name || name === '_') continue;
    const after = codeOnly(body.text.slice(list.endIndex - body.startIndex));
    const on = `(?<![\\w.])${regexEscaped(name)}\\.`;
    if (!new RegExp(`${on}Start\\(\\s*\\)`).test(after) || new RegExp(`(?<!\\bgo\\s+)${on}(Wait|Run|Output|CombinedOutput)\\(`).test(after)) continue;
    return `starts a process with it (${list.childForFieldName('left')!.text} ${list.type === 'short_var_declaration' ? ':=' : '='} ${made.childForFieldName('function')!.text}(${param}, …), then ${name}.Start()) that runs after it returns, and the context kills it once done`;
  }
  return undefined;
}
