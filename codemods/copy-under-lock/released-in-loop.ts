import type { CriticalSection } from '../../src/go/lock-regions.js';
import type { Node } from '../../src/go/syntax.js';

/**
 * Whether `n`, inside the loop body `within`, runs after the loop released the lock in a branch
 * (`s.mu.Unlock()` just before `db.Close(ctx)`, then a return: litestream's RegisterDB closes its
 * duplicate outside the lock), and before any re-lock in the same blocks: it is not work done
 * under the lock.
 */
export function releasedBefore(n: Node, cs: Pick<CriticalSection, 'mutex' | 'read'>, within: Node): boolean {
  const unlock = `${cs.mutex}.${cs.read ? 'RUnlock' : 'Unlock'}`;
  const lock = `${cs.mutex}.${cs.read ? 'RLock' : 'Lock'}`;
  for (let at: Node | null = n; at && at.id !== within.id; at = at.parent) {
    const siblings = at.parent?.namedChildren ?? [];
    for (let i = siblings.findIndex((s) => s.id === at!.id) - 1; i >= 0; i--) {
      const callee = plainCall(siblings[i]);
      if (callee === unlock) return true;
      if (callee === lock) return false;
    }
  }
  return false;
}

/** `x.mu.Unlock()` as a statement: its callee (`x.mu.Unlock`). */
function plainCall(s: Node): string | undefined {
  const c = s.type === 'expression_statement' ? s.namedChild(0) : undefined;
  return c?.type === 'call_expression' && c.childForFieldName('arguments')?.namedChildCount === 0 ? c.childForFieldName('function')?.text : undefined;
}
