import { callsStandardPackage, parametersGiven } from '../../../src/go/called-functions.js';
import type { FileContext } from '../../../src/engine/types.js';
import { positionalParams } from '../../../src/go/scope.js';
import { ancestors, CHANNEL_NON_READERS, firstLine, type Node } from '../../../src/go/syntax.js';

type Index = ReturnType<FileContext['packageIndex']>;

/**
 * A consumer of a channel field that the package hands it to, rather than a loop receiving from
 * the field itself. The go statement or the call, if any:
 * - a goroutine the package starts with the field (`go s.handler.Run(ctx, s.requestCh)`) whose
 *   function receives from it in a loop, or that goconc cannot read (an interface's method): it
 *   stops on what it was given, not on the sender's done channel (jocko's broker applied queued
 *   requests after a select on shutdownCh had returned and closed their connection). Not one that
 *   takes a single value (swarmkit's `serveListener`);
 * - a loop receiving from a getter that returns the field (`case ev := <-s.roaManager.ReceiveROA():`
 *   in gobgp's server loop, `ReceiveROA` returning `m.eventCh`, the channel its clients send on);
 * - a call in a loop that reads the field until the package closes it (`lo.BufferWithTimeout(
 *   rt.responseQ, …)` until `!open`), which it can do only once every sender is done.
 */
export function readByCall(field: string, index: Index): string | undefined {
  const handed = new RegExp(`(?<=[(,]\\s*[\\w.]+)\\.${field}(?=\\s*[,)])`, 'g');
  const calls = index
    .nodesMatching(handed, () => 1)
    .map((id) => (id.parent?.type === 'selector_expression' && id.parent.parent?.type === 'argument_list' ? { call: id.parent.parent.parent, arg: id.parent.text } : undefined))
    .filter((c): c is { call: Node; arg: string } => c?.call?.type === 'call_expression' && !CHANNEL_NON_READERS.test(c.call.childForFieldName('function')?.text ?? ''));
  const started = calls.find(({ call, arg }) => call.parent?.type === 'go_statement' && receivesInLoop(call, arg, index));
  if (started) return firstLine(started.call.parent!.text);
  const viaGetter = receivedThroughGetter(field, index);
  if (viaGetter) return viaGetter;
  if (!index.anyTextMatches(new RegExp(`\\bclose\\(\\s*[\\w.]+\\.${field}\\s*\\)`))) return undefined;
  const inLoop = calls.find(({ call }) => call.parent?.type !== 'go_statement' && ancestors(call).some((a) => a.type === 'for_statement'));
  return inLoop ? firstLine(inLoop.call.text) : undefined;
}

/** Whether the function a call runs (a literal's too) receives from the argument in a loop, or cannot be read (not the standard library's). */
function receivesInLoop(call: Node, arg: string, index: Index): boolean {
  // A standard-library function (`os.Remove(f.Name())`, a getter's name met on an `*os.File`) takes no channel of the package to drain.
  if (callsStandardPackage(call)) return false;
  const literal = call.childForFieldName('function');
  const position = (call.childForFieldName('arguments')?.namedChildren ?? []).findIndex((a) => a.text === arg);
  const given = literal?.type === 'func_literal' ? [{ decl: literal, param: positionalParams(literal)[position] || '_' }] : parametersGiven(call, arg, index);
  if (given.length === 0) return true;
  return given.some(({ decl, param }) => {
    const receive = new RegExp(`<-\\s*${param}\\b|\\brange\\s+${param}\\b`);
    return decl.descendantsOfType('for_statement').some((loop) => receive.test(loop.text));
  });
}

/**
 * A loop of the package that receives from what a getter of the field returns (`func (m
 * *roaManager) ReceiveROA() chan *roaEvent { return m.eventCh }`, then `case ev :=
 * <-s.roaManager.ReceiveROA():` in a for loop), itself or in a function it is handed to. The
 * receiving text.
 */
function receivedThroughGetter(field: string, index: Index): string | undefined {
  const getter = new RegExp(`^func\\s*\\(\\s*\\w+\\s+\\*?\\w+\\s*\\)\\s*(\\w+)\\(\\)[^{\\n]*\\{\\s*return\\s+\\w+\\.${field}\\s*\\}`, 'gm');
  const names = new Set(index.allTexts().flatMap((text) => [...text.matchAll(getter)].map((m) => m[1])));
  for (const name of names) {
    const receive = new RegExp(`<-\\s*[\\w.]+\\.${name}\\(\\)|\\brange\\s+[\\w.]+\\.${name}\\(\\)`, 'g');
    const inLoop = index.nodesMatching(receive).find((n) => n.type !== 'comment' && ancestors(n).some((a) => a.type === 'for_statement'));
    if (inLoop) return firstLine(inLoop.parent?.text ?? inLoop.text);
    // Or handed to a function that receives from it in a loop (`t.run(rbm.updates())`, `run`
    // ranging over its parameter: knative's throttler, draining its revision updates).
    const handed = index.nodesMatching(new RegExp(`(?<=[(,]\\s*)[\\w.]+\\.${name}\\(\\)(?=\\s*[,)])`, 'g')).map((n) => ancestors(n).find((a) => a.type === 'call_expression' && a.parent?.type === 'argument_list'));
    const reader = handed.find((arg) => arg && receivesInLoop(arg.parent!.parent!, arg.text, index));
    if (reader) return firstLine(reader.parent!.parent!.text);
  }
  return undefined;
}
