import { declarationOf, testingParameter } from '../../src/go/scope.js';
import { ancestors, contains, firstLine, insideLiteral, type Node } from '../../src/go/syntax.js';

/**
 * Names of functions that assert by panicking, in any package (`template.Must`,
 * `regexp.MustCompile`, `utils.Should`, `AssertValid`, `HardPanic`): a convention, their code
 * often out of sight.
 */
const ASSERTS = /^(Must([A-Z0-9_]\w*)?|Should|Assert\w*|\w*Panic\w*)$/;

/**
 * Why a goroutine that panics on purpose must not be recovered, if it does: `panic(…)` or a
 * logger's Panic (`logger.Panicf(ctx, "…: %v", err)`: flyte's metrics servers) in its own body, or
 * a call, not deferred, of a function named for asserting by panicking (`utils.Should(err)`:
 * stackrox's token exchangers, panicking in dev and CI builds on an unexpected error).
 */
export function panicsOnPurpose(calls: Node[], body: Node): string | undefined {
  const own = calls.filter((f) => !insideLiteral(f, body));
  const meant = own.find((f) => f.text === 'panic' || /\.Panic(f|ln|w)?$/.test(f.text));
  if (meant) return `the goroutine panics on purpose (${firstLine(meant.parent!.text)}, line ${meant.startPosition.row + 1}): recovered, the process would go on where it was meant to stop`;
  const asserts = own.find((f) => {
    const name = f.type === 'selector_expression' ? f.childForFieldName('field')!.text : f.text;
    // Not a check that a function panics or does not (testify's `Panics`, `NotPanics`): it recovers.
    return ASSERTS.test(name) && !/^(Not|No)?Panics|N(o|ot)Panic/.test(name) && !ancestors(f).some((a) => a.type === 'defer_statement' && contains(body, a)) && !testFramework(f);
  });
  if (!asserts) return undefined;
  return `the goroutine calls ${firstLine(asserts.text)}(…) (line ${asserts.startPosition.row + 1}), named for panicking on purpose: recovered, the process would go on where it was meant to stop`;
}

/** A test framework's assertion on the test's handle (`c.Assert(err, check.IsNil)`, `c *check.C`): it fails the test, whose reason says more. */
function testFramework(f: Node): boolean {
  const operand = f.type === 'selector_expression' ? f.childForFieldName('operand')! : undefined;
  const found = operand?.type === 'identifier' ? declarationOf(operand.text, operand) : undefined;
  return !!found && 'param' in found && (testingParameter(found.param.fn) ?? '').startsWith(`${operand!.text} `);
}

/**
 * A call of another package's runner named for recovering what it runs (`threading.RunSafe(func()
 * {…})`, `GoSafe`, `SafeGo`, `…WithRecover`: go-zero's timing wheel, whose tasks already run so):
 * as the package's own runners that recover, it says how panics there are meant to end. As
 * `calledTextWhere` gives it: the call's text up to its paren.
 */
export function safeRunner(calls: Node[]): { text: string; via: string } | undefined {
  const call = calls.find((f) => f.type === 'selector_expression' && f.childForFieldName('operand')?.type === 'identifier' && /^(RunSafe|GoSafe|SafeGo|SafeRun|SafeCall|CallSafe|\w*WithRecover)\w*$/.test(f.childForFieldName('field')!.text));
  return call && { text: call.text, via: `${call.text}()` };
}

/**
 * A function's text that recovers a panic and does not panic again with it (resty's Execute runs
 * its panic hooks and re-panics: the panic still ends the process).
 */
export function recoversForGood(text: string): boolean {
  const recovered = [...text.matchAll(/\b(\w+)\s*:?=\s*recover\(\)/g)].map((m) => m[1]);
  return /\brecover\(\)/.test(text) && !recovered.some((v) => new RegExp(`\\bpanic\\(\\s*${v}\\s*\\)`).test(text));
}
