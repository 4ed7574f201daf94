import type { Codemod, FileContext, RawFinding } from '../../src/engine/types.js';
import { callsByText, goStatements, receivesFrom, regexEscaped } from '../../src/go/find-by-text.js';
import { declarationOf } from '../../src/go/scope.js';
import { touchesError } from '../../src/go/syntax.js';
import { loopGroups, spawnPerIteration, waitGroupGoPerIteration, type Spawn } from './detect.js';
import { docs } from './docs.js';
import { errgroupFindings } from './errgroup.js';
import { semaphoreFix, type Plan } from './fix.js';
import { whyBoundMayStall } from './lifetime.js';
import { pipedTasks } from './piped-tasks.js';
import { docSaysTogether } from './doc-comment-together.js';
import { passedFunctionsReason } from './passed-functions.js';
import { workersFix } from './workers.js';
import { boundedByPrefetch } from './prefetch.js';
import { joinedInTurn, sentByLiteral } from './awaited-in-turn.js';
import { loopStatement } from '../../src/go/loops.js';
import { mayHaveGoStatement, mayHaveLoop } from '../../src/go/text-signals.js';

/** A loop, and a go statement or a `.Go(` call: in the file, and in the function looked into. */
function mayHaveSpawnInLoop(text: string): boolean {
  return mayHaveLoop(text) && (mayHaveGoStatement(text) || (text.includes('.Go') && /\.Go\s*\(/.test(text)));
}

export const boundedGoroutines: Codemod = {
  id: 'bounded-goroutines',
  title: 'A goroutine per loop iteration gets a bound: a semaphore, or errgroup.SetLimit',
  docs,
  severity: 'warning',
  enabledByDefault: true,
  options: [
    { name: 'max-concurrency', type: 'string', default: 'runtime.GOMAXPROCS(0)', description: 'most goroutines of one loop running at once (a number or a Go expression)' },
    { name: 'strategy', type: 'string', choices: ['semaphore', 'workers'], default: 'semaphore', description: 'for loops over a channel: a semaphore, or N workers draining the channel' },
  ],
  prefilter: mayHaveSpawnInLoop,
  // Goroutines per iteration: the loop and the go statement (or .Go call) in the same function.
  triggers: mayHaveSpawnInLoop,
  find,
};

function find(ctx: FileContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const go of goStatements(ctx.tree.rootNode, ctx.source)) {
    if (touchesError(go)) continue;
    const spawn = spawnPerIteration(go, ctx.source);
    // Bounded already: by the broker's prefetch.
    if (!spawn || boundedByPrefetch(spawn) || joinedInTurn(spawn)) continue;
    const plan = planFor(spawn, ctx, () => (spawn.shape === 'channel-range' && ctx.options.strategy === 'workers' ? workersFix(spawn, ctx) : semaphoreFix(spawn, ctx)));
    out.push({ start: go.startIndex, end: go.endIndex, message: message(spawn, plan.ok ? plan.limit : undefined, ctx.source), ...(plan.ok ? { fix: plan.fix } : { reason: plan.reason }) });
  }
  for (const call of callsByText(ctx.tree.rootNode, ctx.source, '.Go', (callee) => callee.endsWith('.Go'))) {
    const stmt = call.parent;
    if (stmt?.type !== 'expression_statement' || touchesError(stmt)) continue;
    const spawn = waitGroupGoPerIteration(stmt, ctx.source);
    if (!spawn) continue;
    const plan = planFor(spawn, ctx, () => semaphoreFix(spawn, ctx));
    out.push({ start: stmt.startIndex, end: stmt.endIndex, message: message(spawn, plan.ok ? plan.limit : undefined, ctx.source), ...(plan.ok ? { fix: plan.fix } : { reason: plan.reason }) });
  }
  out.push(...errgroupFindings(ctx));
  return out;
}

/** The rewrite, unless a bound could stall the loop. */
function planFor(spawn: Spawn, ctx: FileContext, rewrite: () => Plan): Plan {
  // Last, as the other reasons say more: the function's doc comment saying it runs its work at once.
  const stall = whyBoundMayStall(spawn, ctx) ?? pipedTasks(spawn, ctx) ?? docSaysTogether(spawn.go, ctx.source) ?? passedFunctionsReason(spawn, ctx);
  return stall ? { ok: false, reason: stall } : rewrite();
}

/**
 * The finding's message: the hazard, and with a fix (`limit` set), what the bound will do; without
 * one, the hazard alone (a message describing a bound nobody adds reads as the code's behaviour).
 */
/**
 * Who waits for goroutines that no Wait of the function joins: nobody, or whoever waits on the
 * group they join (a WaitGroup given as a parameter or kept in a field, waited for by the caller
 * or another method). A local group nobody waits on is nobody's.
 */
function waitedElsewhere(spawn: Spawn, fnName: string, source: string): string {
  // Told done in the loop's goroutines, or handed to the call each runs (`go c.processEvents(i, stopCh, wg)`: postgres-operator's workers).
  const args = spawn.go.namedChild(0)?.childForFieldName('arguments')?.namedChildren ?? [];
  const handed = (g: string) => args.some((a) => a.text === g || a.text === `&${g}`) && !new RegExp(`(?<![\\w.])${regexEscaped(g)}\\.Wait\\(`).test(spawn.fn.text);
  const joins = (g: string) => new RegExp(`^\\s*(defer\\s+)?${regexEscaped(g)}\\.Done\\(\\)\\s*$`, 'm').test(spawn.loop.text) || handed(g);
  // Not a local of the function, nor one declared in the loop (each goroutine's own, for goroutines it starts in turn).
  const inLoop = (g: string) => new RegExp(`(?<![\\w.])var\\s+${regexEscaped(g)}\\b|(?<![\\w.])${regexEscaped(g)}\\s*(,\\s*\\w+\\s*)*:=`).test(spawn.loop.text);
  const group = loopGroups(spawn.loop).find((g) => joins(g) && !inLoop(g.split('.')[0]) && !('local' in (declarationOf(g.split('.')[0], spawn.loop) ?? {})));
  if (group) return `${fnName} does not wait for them (they join ${group}, waited for elsewhere)`;
  // Added to in the loop, a group kept in a field, and told done by the functions the goroutines
  // run (`t.wg.Add(2); go t.tcpListen(l)`, tcpListen deferring t.wg.Done()).
  const told = loopGroups(spawn.loop).find((g) => /^\w+\.\w+$/.test(g) && new RegExp(`(?<![\\w.])${regexEscaped(g)}\\.Add\\(`).test(spawn.loop.text) && new RegExp(`\\.${g.split('.')[1]}\\.Done\\(\\)`).test(source));
  if (told) return `${fnName} does not wait for them (they join ${told}, waited for elsewhere)`;
  // Joined by a Wait inside the outer loop, once its inner loop has started them (`for … { for _,
  // r := range rcpts { wg.Add(1); go send(&wg, r) }; wg.Wait() }`: chasquid's delivery retries).
  const inner = loopStatement(spawn.loops[0]);
  const between = spawn.loop.text.slice(inner.endIndex - spawn.loop.startIndex);
  const joined = spawn.loops.length > 1 ? loopGroups(spawn.loops[0]).find((g) => new RegExp(`(?<![\\w.])${regexEscaped(g)}\\.Wait\\(\\s*\\)`).test(between)) : undefined;
  if (joined) return `${fnName} waits for them (${joined}.Wait()) only after the inner loop, once per pass of the outer one`;
  // Or the function takes what they send after the loop (`for range names { r = append(r, <-ch) }`).
  const after = spawn.fn.text.slice(loopStatement(spawn.loop).endIndex - spawn.fn.startIndex);
  // Or returns the group they join for its caller to wait on (`return &wg`: istio's GCP metadata).
  const returned = loopGroups(spawn.loop).filter(joins).map((g) => new RegExp(`(?<![\\w.])return\\s+&?${regexEscaped(g)}\\s*$`, 'm').exec(after)?.[0]).find(Boolean);
  if (returned) return `${fnName} returns the group they join (${returned}) for its caller to wait on`;
  const collected = [...(sentByLiteral(spawn)?.sentOn ?? [])].find((ch) => receivesFrom(after, ch));
  return collected ? `${fnName} takes what they send on ${collected} after the loop` : 'nothing waits for them';
}

function message(spawn: Spawn, limit: string | undefined, source: string): string {
  const fnName = spawn.fn.childForFieldName('name')?.text ?? 'the function';
  switch (spawn.shape) {
    case 'joined':
      return `a goroutine per loop iteration with no bound (joined by Wait): ${limit ? `at most ${limit} will run at once, and the loop waits for a free slot` : 'as many run at once as the loop has iterations'}`;
    case 'channel-range':
      return `a goroutine per value received with no bound: ${limit ? `at most ${limit} will run at once, and receiving pauses while all are busy` : 'as many run at once as values arrive'}`;
    case 'waitgroup-go':
      return `a wg.Go goroutine per loop iteration with no bound (joined by Wait): ${limit ? `at most ${limit} will run at once, and the loop waits for a free slot` : 'as many run at once as the loop has iterations'}`;
    case 'fire-and-forget':
      return `a goroutine per loop iteration with no bound, and ${waitedElsewhere(spawn, fnName, source)}${limit ? `: at most ${limit} from each run of the loop will run at once, so ${fnName} may now wait for a free slot (backpressure)` : ''}`;
  }
}
