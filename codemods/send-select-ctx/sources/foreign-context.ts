import { importName, importSpecs } from '../../../src/go/imports.js';
import { paramsOf } from '../../../src/go/scope.js';
import { ancestors, FUNCTION_TYPES, type Node } from '../../../src/go/syntax.js';

/**
 * A parameter in scope whose type is another package's `Context` (`ctx context.Context` with
 * `context` imported from trufflehog's `pkg/context`, `c *gin.Context`): goconc knows only the
 * standard library's context, and cannot see whether that type has a Done to select on. The
 * parameter and its type, for the reason, e.g. `ctx (context.Context of "github.com/…/pkg/context")`.
 */
export function foreignContext(send: Node): string | undefined {
  const tree = send.tree;
  for (const fn of ancestors(send)) {
    if (!FUNCTION_TYPES.has(fn.type)) continue;
    for (const p of paramsOf(fn)) {
      const type = p.typeNode.type === 'pointer_type' ? p.typeNode.namedChildren[0] : p.typeNode;
      if (type?.type !== 'qualified_type' || type.childForFieldName('name')?.text !== 'Context') continue;
      const qualifier = type.childForFieldName('package')?.text;
      const spec = importSpecs(tree).find((s) => (s.alias ?? importName(s.path)) === qualifier);
      if (spec && spec.path !== 'context' && spec.path !== 'golang.org/x/net/context') return `${p.name} (${p.typeNode.text} of "${spec.path}")`;
    }
  }
  return undefined;
}
