import type { FileContext } from '../../src/engine/types.js';
import { calledTextWhere } from '../../src/go/called-functions.js';
import { loopShape } from '../../src/go/loops.js';
import { channelRangedOver } from './channel-loops.js';
import { ancestors, contains, same, type Node } from '../../src/go/syntax.js';
import type { Spawn } from './detect.js';
import { nameWords } from '../../src/go/name-words.js';

/**
 * A call that waits on a network peer, as its name says: an HTTP request (`http.Get`,
 * `cl.RoundTrip(req)`, `client.Do(req)`, `b.client.Do(req.WithContext(ctx))`), a dial
 * (`net.Dial`, `d.DialContext`, `a.dialPeer`), a
 * gRPC connection (`grpc.NewClient`, `grpc.Dial`), a DNS exchange (`c.Exchange(msg, addr)`), or a
 * round trip measured to a peer (`proxy.URLTest(ctx, url)`, `db.PingContext`, `p.ProbeHealth`),
 * a DNS lookup (`net.LookupIP`, `r.LookupHost`, a helper named for one: casdoor's
 * `util.ResolveDomainToIp`, bounded, made each site change wait on every site's lookup),
 * a command to a Redis client by its name (`redisCluster.RemoveSortedSetRange(…)`, `r.rdb.Get`:
 * tyk's token purge, bounded, outlived the lock it held), a database query (`db.QueryContext`,
 * `tx.Exec`), an object store's request (`d.client.PutObject`, `GetObject`: temporal's S3 driver
 * stored a workflow's payloads two at a time), an HTTP or API client's request (`httpClient.Get`,
 * `client.GraphQL`), any request of a client or admin client given a context
 * (`m.dstAdm.CommitOffsets(ctx, g, offsets)`: redpanda's migrator synced consumer offsets 32 times
 * slower), or a client
 * handed to a call (`prShared.UpdateIssue(httpClient, …)`: gh's issue edits of several issues ran
 * a few at a time). The callee, as written, is group 1, 2, 3 or 4.
 */
const NETWORK_CALL = /(?<![\w.])(http\.(?:Get|Head|Post|PostForm)|(?:net|tls)\.Dial\w*|net\.Lookup\w*|(?:[\w.]*\.)?Resolve(?:Domain|Host|Name)\w*|[\w.]+\.Lookup(?:IP|Host|Addr|CNAME|MX|TXT|SRV|NS|NetIP)\w*|grpc\.(?:NewClient|Dial\w*)|[\w.]+\.(?:RoundTrip|[dD]ial\w*|URLTest|Ping\w*|Probe\w*|Exchange(?:Context)?|(?:Put|Get|Head|Delete|Copy)Object\w*|ObjectExists)|(?:[\w.]*\.)?(?:\w*[rR]edis\w*|rdb)\.[A-Z]\w*|(?:[\w.]*\.)?(?:db|DB|tx|pool)\.(?:Query|Exec)\w*|[\w.]*[cC]lient\.(?:Get|Head|Post|PostForm|GraphQL|REST))\(|(?<![\w.])([\w.]*(?:[cC]lient|[aA]dm(?:in)?)\.[A-Z]\w*)\(\s*\w*[cC]tx\b|(?<![\w.])([\w.]+)\((?:[^()\n]*,\s*)?(?:\w*Client|client)\s*[,)]|(?<![\w.])([\w.]+\.Do)\(\s*req\w*(?:\.WithContext\(\s*\w+\s*\))?\s*\)/;

/**
 * The network call a goroutine waits on, in its own code (`bodies`) or in the package's functions
 * it calls, as written, with the call that reaches it: `cl.RoundTrip, in downloadFile()`.
 * Undefined when the bound was chosen (`max-concurrency` set): the default bound is the number of
 * CPUs, which says nothing of how many may wait on peers at once, and goroutines meant to run
 * side by side (a probe of each server, requests sent before a handshake ends, soak tests) would
 * run in turns.
 */
export function waitsOnNetwork(bodies: { body: Node; via?: string }[], called: Node[], ctx: FileContext): string | undefined {
  return boundChosen(ctx) ? undefined : callMatching(NETWORK_CALL, bodies, called, ctx) ?? remotePartyHanded(bodies);
}

/** A type naming a remote party or a way to one: `redis.Pool`, `*grpc.ClientConn`, `Client`, `*Peer`. */
const REMOTE_PARTY = /^\*?(?:\w+\.)?(?:\w*Pool|\w*Client|\w*Conn|Peer|Replica|Shard|Backend|Endpoint)$/;

/**
 * Each goroutine is handed a remote party of its own, as its literal's parameter (`go func(node
 * int, pool redis.Pool) {…}(node, pool)`): one goroutine per pool, client, connection or peer, a
 * fan-out that waits on each of them at once (redsync's lock, asked of every Redis node under one
 * deadline: bounded, the healthy nodes were asked only once the hung ones timed out, too late for a
 * quorum). The parameter, as written.
 */
function remotePartyHanded(bodies: { body: Node; via?: string }[]): string | undefined {
  const literal = bodies.find((b) => !b.via)?.body.parent;
  if (literal?.type !== 'func_literal') return undefined;
  const param = literal.childForFieldName('parameters')?.namedChildren.find((p) => REMOTE_PARTY.test(p.childForFieldName('type')?.text.replace(/\s/g, '') ?? ''));
  return param ? `each is handed one of its own, ${param.text}` : undefined;
}

/**
 * A call named for waiting or fetching (`Wait…`, `Download…`, `Fetch…`, `Pull…`,
 * `Load…`) on another value or package, given a context first (`file.WaitForCreate(gctx, p)`,
 * `LoadArtifactsFromPlugin(gctx, name)` of an errgroup's tasks): I/O or an event, not CPU work.
 * Group 1 is the callee as written.
 */
const WAIT_CALL = /(?<![\w.])((?:\w+\.)+(?:Wait|Download|Fetch|Pull|Load)\w*)\(\s*\w*[cC]tx\b/;

/**
 * The waiting call a goroutine makes, as `waitsOnNetwork` finds a network call: argo's artifact
 * downloads and exit-code file watches ran in turns under a CPU bound, and a watch that failed to
 * start was noticed only once the earlier ones ended. Undefined when the bound was chosen.
 */
export function waitsOnEvent(bodies: { body: Node; via?: string }[], called: Node[], ctx: FileContext): string | undefined {
  if (boundChosen(ctx)) return undefined;
  // The goroutine's function made by such a call (`g.Go(file.WaitForCreate(gctx, p))`).
  const made = called.map((c) => (c.type === 'call_expression' ? WAIT_CALL.exec(c.text) : null)).find(Boolean);
  return made ? made[1] : callMatching(WAIT_CALL, bodies, called, ctx);
}

/** Whether `max-concurrency` sets the bound: then the user chose it for what the goroutines do. */
export function boundChosen(ctx: FileContext): boolean {
  const chosen = ctx.options['max-concurrency'];
  return chosen !== undefined && chosen !== '' && chosen !== 'runtime.GOMAXPROCS(0)';
}

/**
 * `srv.Shutdown(ctx)`, `s.GracefulStop()`, `w.stop()` (no argument, not a timer's or ticker's), a
 * stop given a context (`cli.ContainerStop(ctx, name, timeout)`, `StopSandbox(ctx, id)`), a
 * shutdown hook of a list (`engine.OnShutdown[index](ctx)`), a node drained
 * (`c.drainer.UpdateDrainOpts(id, opts, nil)`): a server, worker, container, hook or node stopped
 * once what it is doing is done, or its grace period is over.
 */
const SHUTDOWN_CALL =
  /(?<![\w.])([\w.]+\.(?:Shutdown|GracefulStop)|(?![\w.]*(?:[tT]imer|[tT]icker|[tT]imeout)\w*\.[sS]top\b)[\w.]+\.[sS]top(?=\(\s*\))|[\w.]+\.(?:\w*Stop|Stop\w+)(?=\(\s*(?:ctx|\w+Ctx)\b)|[\w.]*[sS]hutdown\w*\[\w+\]|[\w.]+\.(?:Update)?Drain\w*)\(/;

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
  const callee = (m: RegExpExecArray) => m[1] ?? m[2] ?? m[3] ?? m[4];
  for (const { body, via } of bodies) {
    const m = pattern.exec(body.text);
    if (m) return `${callee(m)}${via ? `, in ${via}` : ''}`;
  }
  const reached = calledTextWhere(called, ctx.packageIndex(), (text) => pattern.test(text));
  return reached ? `${callee(pattern.exec(reached.text)!)}, in ${reached.via}` : undefined;
}

/**
 * `l.Accept()`, `conn.AcceptStream(ctx)`, `AcceptUniStream`… in the loop, or taken as a method
 * value there (`accept := conn.Accept`, then `accept()`): an accept loop of a server or a connection.
 */
export function acceptsConnections(loop: Node, source: string): boolean {
  const body = loop.childForFieldName('body');
  return !!body && /\.Accept\w*\s*(\(|$)/m.test(source.slice(body.startIndex, body.endIndex));
}

/**
 * The channel a loop takes connections or streams from, accepted elsewhere (`for conn := range
 * a.GetConnChan()`, `for s := range sessions`): its channel or its value is named for one.
 */
export function receivesConnections(loop: Node, ctx: FileContext): string | undefined {
  const channel = channelRangedOver(loop, ctx);
  if (!channel) return undefined;
  const named = [channel, ...loopShape(loop).variables].flatMap((text) => text.split(/[^A-Za-z]+/).flatMap(nameWords));
  return named.some((word) => CONNECTION.test(word)) ? channel : undefined;
}

const CONNECTION = /^(conn|connection|session|stream)s?$/i;

/**
 * A read of the next message in a loop with no end of its own (`for {`, `for cond`), outside the
 * goroutine: `t, msg, err := s.conn.ReadMessage()`, `stream.Recv()`, `r.Read(buf)`. The call as
 * written, e.g. `s.conn.ReadMessage()`.
 */
export function readsStream(spawn: Spawn): string | undefined {
  if (loopShape(spawn.loop).kind === 'range' || loopShape(spawn.loop).kind === 'counted') return undefined;
  const body = spawn.loop.childForFieldName('body');
  if (!body) return undefined;
  // The select case that starts the goroutine (`case <-refreshTicker.C:`), if it is in one: a read
  // in another case, or after the select, hands it nothing.
  const kase = ancestors(spawn.go).find((a) => a.type === 'communication_case' && contains(body, a));
  // In the loop's own code (in that case): not in a goroutine or a function literal it holds.
  const own = (call: Node) => {
    if (kase && !contains(kase, call)) return false;
    for (const a of ancestors(call)) {
      if (same(a, body)) return true;
      if (a.type === 'go_statement' || a.type === 'func_literal') return false;
    }
    return false;
  };
  return body.descendantsOfType('call_expression').find((c) => STREAM_READ.test(c.childForFieldName('function')?.text ?? '') && own(c))?.text;
}

/**
 * Reading the next message of a connection or stream: `conn.ReadMessage`, `stream.Recv`,
 * `dc.RecvDetail`, `r.Read`, `c.NextReader`, `readWaiter.WaitReadPacket`, a DNS server's
 * `reader.ReadUDP` and `ReadPacketConn`, a FUSE connection's `c.ReadOp()`,
 * `framer.ReadFrame()`, an event stream's `stream.Next()`.
 */
export const STREAM_READ = /\.(Read|ReadMessage|ReadJSON|ReadFrom\w*|ReadMsg\w*|(Wait)?ReadPacket\w*|ReadUDP\w*|ReadOp|ReadRequest|ReadFrame|Recv\w*|NextReader|ReceiveDatagram|ReceiveMessage)$|(^|\.)\w*([sS]tream|[sS]ubscription|[eE]vents?)\.Next$/;
