import { contains, statementsOf, type Node } from './syntax.js';

/**
 * The most sends on `ch` a run of `block` can make, whatever path it takes: an `if` whose
 * branch returns counts once, a `select` or `switch` the most of its cases (none may fall through), a loop whose sends all lie on paths that return from it (`for {
 * if err != nil { ch <- err; return } }`) counts them once, and any other send in a loop, a
 * nested function, a `go` or a `defer` counts as any number (Infinity). `ch`: the channel's text.
 */
export function mostSends(block: Node, ch: string): number {
  // A deferred recover that sends (`defer func() { if r := recover(); r != nil { ch <- err } }()`)
  // sends only on a panic, and when every other send ends the run (a return follows it, or nothing
  // does), no panic comes after one: a run sends from one or the other, not both (go-micro's call).
  const statements = statementsOf(block);
  const onPanic = statements.filter((st) => recoverSending(st, ch));
  if (onPanic.length > 0 && sendsIn(block, ch).every((send) => onPanic.some((d) => contains(d, send)) || endsRun(send, block))) {
    const paths = sendsAlong(statements.filter((st) => !onPanic.includes(st)), ch);
    const panicking = onPanic.reduce((n, d) => n + mostSends(d.namedChild(0)!.childForFieldName('function')!.childForFieldName('body')!, ch), 0);
    return Math.max(paths.through, paths.returned, panicking);
  }
  const paths = sendsAlong(statements, ch);
  return Math.max(paths.through, paths.returned);
}

/** `defer func() { … }()` whose sends on `ch` all lie in a branch on a recovered panic (`if r := recover(); r != nil {`). */
function recoverSending(st: Node, ch: string): boolean {
  const literal = st.type === 'defer_statement' ? st.namedChild(0)?.childForFieldName('function') : undefined;
  if (literal?.type !== 'func_literal') return false;
  const sends = sendsIn(literal, ch);
  const recovered = literal.descendantsOfType('if_statement').filter((i) => /\brecover\(\)/.test(`${i.childForFieldName('initializer')?.text ?? ''} ${i.childForFieldName('condition')?.text ?? ''}`));
  return sends.length > 0 && sends.every((send) => recovered.some((i) => { const then = i.childForFieldName('consequence'); return !!then && contains(then, send); }));
}

/** Whether nothing but a return runs after the send in `body`'s run: each statement around it, up to the body, is last or followed by a return. */
function endsRun(send: Node, body: Node): boolean {
  for (let n: Node | null = send; n && n.id !== body.id; n = n.parent) {
    if (n.type === 'for_statement' || n.type === 'func_literal' || n.type === 'go_statement' || n.type === 'defer_statement') return false;
    if (n.parent?.type !== 'statement_list') continue;
    let next = n.nextNamedSibling;
    while (next?.type === 'comment') next = next.nextNamedSibling;
    if (next) return next.type === 'return_statement';
  }
  return true;
}

/**
 * The most sends on `ch` one iteration of a loop body can make: as `mostSends`, with `continue`
 * ending the iteration's path, and each `go func() { … }()` it starts adding the most its body
 * sends (a fast path that sends and continues, or a goroutine that sends once: one per iteration).
 */
export function mostSendsPerIteration(body: Node, ch: string): number {
  const paths = sendsAlong(statementsOf(body), ch, true);
  return Math.max(paths.through, paths.returned);
}

/** The send statements on `ch` within a node. */
export function sendsIn(node: Node | null, ch: string): Node[] {
  return node ? node.descendantsOfType('send_statement').filter((s) => s.childForFieldName('channel')?.text === ch) : [];
}

/**
 * The most sends on `ch` along paths that run through the statements, along those that return in
 * them, and, `inLoop` (the body of a loop), along those a plain `break` takes out of it.
 */
function sendsAlong(statements: Node[], ch: string, iteration = false, inLoop = false): { through: number; returned: number; broke: number } {
  let through = 0;
  let returned = -Infinity;
  let broke = -Infinity;
  for (const s of statements) {
    if (inLoop && s.type === 'break_statement' && s.namedChildCount === 0) {
      broke = Math.max(broke, through);
      through = -Infinity;
      continue;
    }
    // A goroutine an iteration starts, or a function deferred (run once, on every way out).
    const literal = (iteration && s.type === 'go_statement') || s.type === 'defer_statement' ? s.namedChild(0)?.childForFieldName('function') : undefined;
    if (literal?.type === 'func_literal' && sendsIn(s.namedChild(0)!.childForFieldName('arguments'), ch).length === 0) {
      through += mostSends(literal.childForFieldName('body')!, ch);
    } else if (s.type === 'return_statement' || (iteration && s.type === 'continue_statement' && s.namedChildCount === 0)) {
      returned = Math.max(returned, through);
      through = -Infinity;
    } else if (s.type === 'if_statement' && sendsIn(s.childForFieldName('initializer'), ch).length + sendsIn(s.childForFieldName('condition'), ch).length === 0) {
      const then = sendsAlong(statementsOf(s.childForFieldName('consequence')), ch, iteration, inLoop);
      const alt = s.childForFieldName('alternative');
      const otherwise = alt ? sendsAlong(alt.type === 'block' ? statementsOf(alt) : [alt], ch, iteration, inLoop) : { through: 0, returned: -Infinity, broke: -Infinity };
      returned = Math.max(returned, through + Math.max(then.returned, otherwise.returned));
      broke = Math.max(broke, through + Math.max(then.broke, otherwise.broke));
      through += Math.max(then.through, otherwise.through);
    } else if (s.type === 'for_statement' && s.namedChildren.every((c) => c.type === 'block' || sendsIn(c, ch).length === 0)) {
      // Iterations that go on send nothing; a path that sends returns, or breaks out (`errc <- err;
      // break`: colly's queue loop), so it runs once.
      const inner = sendsAlong(statementsOf(s.childForFieldName('body')), ch, false, true);
      if (inner.through > 0) return { through: Infinity, returned: Infinity, broke: Infinity };
      returned = Math.max(returned, through + inner.returned);
      through += Math.max(0, inner.broke);
    } else if (BRANCHING.has(s.type) && !s.descendantsOfType('fallthrough_statement').length && s.namedChildren.every((c) => CASES.has(c.type) || sendsIn(c, ch).length === 0)) {
      // One case runs (or none, in a switch with no default): the most of any case, as for an if.
      let caseThrough = 0;
      let caseReturned = -Infinity;
      for (const kase of s.namedChildren.filter((c) => CASES.has(c.type))) {
        const own = sendsIn(kase.childForFieldName('communication'), ch).length;
        // A `break` in a case leaves the select or switch, not the loop: the path goes on.
        const inner = sendsAlong(statementsOf(kase), ch, iteration);
        caseThrough = Math.max(caseThrough, own + inner.through);
        caseReturned = Math.max(caseReturned, own + inner.returned);
      }
      returned = Math.max(returned, through + caseReturned);
      through += caseThrough;
    } else if (s.type === 'block') {
      const inner = sendsAlong(statementsOf(s), ch, iteration, inLoop);
      returned = Math.max(returned, through + inner.returned);
      broke = Math.max(broke, through + inner.broke);
      through += inner.through;
    } else {
      // Anything else: each send in it counted once, unless it may run any number of times.
      const sends = sendsIn(s, ch);
      if (sends.some((x) => repeats(x, s))) return { through: Infinity, returned: Infinity, broke: Infinity };
      through += sends.length;
    }
  }
  return { through, returned, broke };
}

/** A select or a switch, and the cases its statements sit in. */
export const BRANCHING = new Set(['select_statement', 'expression_switch_statement', 'type_switch_statement']);
export const CASES = new Set(['communication_case', 'default_case', 'expression_case', 'type_case']);

/** A send in a loop or a function literal within `s` (or `s` itself a loop). */
function repeats(send: Node, s: Node): boolean {
  for (let n: Node | null = send; n && n.id !== s.parent?.id; n = n.parent) {
    if (n.type === 'for_statement' || n.type === 'func_literal' || n.type === 'go_statement' || n.type === 'defer_statement') return true;
  }
  return false;
}
