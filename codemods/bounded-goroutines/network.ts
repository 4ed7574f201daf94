import type { FileContext } from '../../src/engine/types.js';
import { calledTextWhere } from '../../src/go/called-functions.js';
import type { Node } from '../../src/go/syntax.js';

/**
 * A call that waits on a network peer, as its name says: an HTTP request (`http.Get`,
 * `cl.RoundTrip(req)`, `client.Do(req)`, `b.client.Do(req.WithContext(ctx))`), a dial
 * (`net.Dial`, `d.DialContext`, `a.dialPeer`), a
 * gRPC connection (`grpc.NewClient`, `grpc.Dial`), or a round trip measured to a peer
 * (`proxy.URLTest(ctx, url)`, `db.PingContext`, `p.ProbeHealth`). The callee, as written, is group 1 or 2.
 */
const NETWORK_CALL = /(?<![\w.])(http\.(?:Get|Head|Post|PostForm)|(?:net|tls)\.Dial\w*|grpc\.(?:NewClient|Dial\w*)|[\w.]+\.(?:RoundTrip|[dD]ial\w*|URLTest|Ping\w*|Probe\w*))\(|(?<![\w.])([\w.]+\.Do)\(\s*req\w*(?:\.WithContext\(\s*\w+\s*\))?\s*\)/;

/**
 * The network call a goroutine waits on, in its own code (`bodies`) or in the package's functions
 * it calls, as written, with the call that reaches it: `cl.RoundTrip, in downloadFile()`.
 * Undefined when the bound was chosen (`max-concurrency` set): the default bound is the number of
 * CPUs, which says nothing of how many may wait on peers at once, and goroutines meant to run
 * side by side (a probe of each server, requests sent before a handshake ends, soak tests) would
 * run in turns.
 */
export function waitsOnNetwork(bodies: { body: Node; via?: string }[], called: Node[], ctx: FileContext): string | undefined {
  const chosen = ctx.options['max-concurrency'];
  if (chosen !== undefined && chosen !== '' && chosen !== 'runtime.GOMAXPROCS(0)') return undefined;
  return callMatching(NETWORK_CALL, bodies, called, ctx);
}

/**
 * `srv.Shutdown(ctx)`, `s.GracefulStop()`, `w.stop()` (no argument, not a timer's or ticker's), a
 * stop given a context (`cli.ContainerStop(ctx, name, timeout)`, `StopSandbox(ctx, id)`), a
 * shutdown hook of a list (`engine.OnShutdown[index](ctx)`): a server, worker, container or hook
 * stopped once what it is doing is done, or its grace period is over.
 */
const SHUTDOWN_CALL =
  /(?<![\w.])([\w.]+\.(?:Shutdown|GracefulStop)|(?![\w.]*(?:[tT]imer|[tT]icker|[tT]imeout)\w*\.[sS]top\b)[\w.]+\.[sS]top(?=\(\s*\))|[\w.]+\.(?:\w*Stop|Stop\w+)(?=\(\s*(?:ctx|\w+Ctx)\b)|[\w.]*[sS]hutdown\w*\[\w+\])\(/;

/**
 * The server shutdown a goroutine runs (`srv.Shutdown`), in its own code or in the package's
 * functions it calls, with the call that reaches it: servers stopped side by side, each waiting
 * for its clients to finish, often under one deadline.
 */
export function stopsServer(bodies: { body: Node; via?: string }[], called: Node[], ctx: FileContext): string | undefined {
  return callMatching(SHUTDOWN_CALL, bodies, called, ctx);
}

/**
 * The first callee `pattern` finds (its group 1, or 2), in the goroutine's own code or in the
 * package's functions it calls, with where: `cl.RoundTrip, in downloadFile()`.
 */
function callMatching(pattern: RegExp, bodies: { body: Node; via?: string }[], called: Node[], ctx: FileContext): string | undefined {
  const callee = (m: RegExpExecArray) => m[1] ?? m[2];
  for (const { body, via } of bodies) {
    const m = pattern.exec(body.text);
    if (m) return `${callee(m)}${via ? `, in ${via}` : ''}`;
  }
  const reached = calledTextWhere(called, ctx.packageIndex(), (text) => pattern.test(text));
  return reached ? `${callee(pattern.exec(reached.text)!)}, in ${reached.via}` : undefined;
}
