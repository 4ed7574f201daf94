import type Parser from 'tree-sitter';
import { packageName } from '../go/imports.js';
import type { Finding } from './types.js';

const FAILPOINT = 'github.com/pingcap/failpoint';

/**
 * A failpoint marker's closure (`failpoint.Inject("name", func() {…})`, `InjectContext`,
 * `InjectCall`) is code that failpoint-ctl pastes into the function around it when failpoints
 * are enabled, as pd and tidb build their tests: a `return` a fix adds there would leave that
 * function, not the closure (pd's client then did not compile: a bare return with its named
 * result shadowed). A fix with an edit in such a closure becomes a reason; the finding stays.
 */
export function withoutFixesInFailpoints(findings: Finding[], source: string, tree: Parser.Tree): void {
  if (!source.includes('failpoint') || !findings.some((f) => f.fix || f.alternatives)) return;
  const pkg = packageName(tree, FAILPOINT);
  if (!pkg) return;
  const closures = tree.rootNode
    .descendantsOfType('call_expression')
    .filter((c) => new RegExp(`^${pkg}\\.Inject\\w*$`).test(c.childForFieldName('function')?.text ?? ''))
    .flatMap((c) => (c.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type === 'func_literal').map((literal) => ({ call: c, literal })));
  if (closures.length === 0) return;
  for (const f of findings) {
    const edits = [f.fix, ...(f.alternatives ?? [])].flatMap((fix) => fix?.edits ?? []);
    const inside = closures.find(({ literal }) => edits.some((e) => e.start >= literal.startIndex && e.end <= literal.endIndex));
    if (!inside) continue;
    delete f.fix;
    delete f.alternatives;
    const name = inside.call.childForFieldName('function')!.text;
    f.reason = `the code is in the closure of a failpoint marker (${name}, line ${inside.call.startPosition.row + 1}), which failpoint-ctl pastes into the function around it when failpoints are enabled: a return or a break added here would leave that function instead, or not compile`;
  }
}
