import { goAtLeast } from '../../src/engine/go-module.js';
import type { FileContext } from '../../src/engine/types.js';
import { packageName } from '../../src/go/imports.js';
import { loopShape, loopStatement } from '../../src/go/loops.js';
import { eol, freshNameIn, indentAt, statementsOf, unparen, usedNames } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';
import { limitExpr, type Plan } from './fix.js';

/**
 * `--strategy=workers` for a channel range whose body is just `go f(v)`: N workers drain the
 * channel, and the function waits for them, as the goroutines of the original outlived it.
 */
export function workersFix(spawn: Spawn, ctx: FileContext): Plan {
  const src = ctx.source;
  const nl = eol(src);
  const loop = spawn.loop;
  const shape = loopShape(loop);
  const body = loop.childForFieldName('body')!;
  const stmts = statementsOf(body);
  if (spawn.loops.length !== 1 || stmts.length !== 1 || stmts[0].type !== 'go_statement') {
    return { ok: false, reason: 'the workers strategy needs a loop whose body is only the go statement' };
  }
  const call = spawn.go.namedChild(0)!;
  const fn = unparen(call.childForFieldName('function')!);
  if (fn.type === 'func_literal') return { ok: false, reason: 'the workers strategy rewrites `go f(v)` calls, not function literals' };
  const clause = loop.namedChildren.find((c) => c.type === 'range_clause')!;
  if (shape.variables.length !== 1) return { ok: false, reason: 'the workers strategy needs `for v := range ch`' };
  const wg = freshNameIn(spawn.fn, 'wg', usedNames(spawn.fn));
  const { expr: limit, imports } = limitExpr(ctx);
  const syncPkg = packageName(ctx.tree, 'sync') ?? 'sync';
  const stmt = loopStatement(loop);
  const ind = indentAt(src, stmt.startIndex);
  const counter = goAtLeast(ctx.goVersion, '1.22') ? `for range ${limit} {` : `for i := 0; i < ${limit}; i++ {`;
  const lines = [
    `var ${wg} ${syncPkg}.WaitGroup`,
    counter,
    `\t${wg}.Add(1)`,
    `\tgo func() {`,
    `\t\tdefer ${wg}.Done()`,
    `\t\tfor ${clause.text} {`,
    `\t\t\t${call.text}`,
    `\t\t}`,
    `\t}()`,
    `}`,
    `${wg}.Wait()`,
  ];
  const text = lines.map((l, i) => (i === 0 ? l : `${ind}${l}`)).join(nl);
  return {
    ok: true,
    limit,
    fix: { description: `${limit} workers drain the channel; the function waits for them`, edits: [{ start: stmt.startIndex, end: stmt.endIndex, text }], imports: [...imports, 'sync'] },
  };
}
