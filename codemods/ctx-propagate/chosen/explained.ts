import { regexEscaped } from '../../../src/go/find-by-text.js';
import { ancestors, FUNCTION_TYPES, same, type Node } from '../../../src/go/syntax.js';

/**
 * A comment that says the call's context was chosen on purpose, as written: for `context.TODO()`,
 * one on its line or just above its statement naming the context in scope with a note for later
 * or a reason (`// TODO: use w.ctx and handle graceful shutdown scenario`: its author weighed that
 * context and left it out until something else is done); for `context.Background()`, one earlier
 * in the function speaking of a background context (`Use a background context so the declaration
 * isn't abandoned if this caller disconnects`), or one as for `context.TODO()` (`Don't use ctx here, as
 * we still want to finish off the request if the ctx has been cancelled`: lxd's heartbeats). One
 * naming the context in scope and saying it is not cancelled with it explains either call
 * (`streamProxy.ctx is not set to ctx because when request is cancelled, only the build request has
 * to be cancelled`: moby's build status stream).
 */
export function explainedByComment(call: Node, kind: 'TODO' | 'Background', inScope: string): string | undefined {
  const fn = ancestors(call).find((a) => FUNCTION_TYPES.has(a.type));
  const body = fn?.childForFieldName('body');
  if (!body) return undefined;
  // Comments up to the call's line (one after the call on its line included).
  const before = body.descendantsOfType('comment').filter((c) => c.startPosition.row <= call.startPosition.row);
  // Or an independent one (`we need to give it independent context`: cortex's lifecycler, kept running until stopped).
  // Or a clean one (`Extract into a clean context so that a pre-existing span in ctx cannot mask an
  // invalid carrier payload`: vitess' trace propagation, which checks what the carrier alone holds).
  // Or one saying it must outlive the request (`Input Context needs to live beyond request, so use
  // background as the underlying context`: stackrox's compliance scrapes, run after the answer).
  // Or an empty one given so the work can finish through a shutdown (\`passing in an empty context so
  // that storage can finish syncing during an emergency shutdown or interrupt\`: boundary's recording storage).
  const background = kind === 'Background' ? before.find((c) => /\b(?:background|independent|separate|unrelated|empty|clean|fresh) context|context\.Background\b|\buse (?:a |the )?background\b|\b(?:live|run|last|survive)s? (?:beyond|past|longer than)\b|\bcalled after (?:\w+\.)?(?:Stop|Close|Shutdown)\b|\b(?:finish|complete)\w*\b[^.\n]{0,60}\b(?:during|through|after|on|despite)\b[^.\n]{0,30}\b(?:shutdown|interrupt|cancel\w*)\b/i.test(c.text))?.text : undefined;
  if (background) return background;
  // Or a linter's finding of the same kind silenced on its line or just above (\`//nolint:contextcheck\`:
  // ollama's shared downloads, started on the empty context so that one client leaving stops none).
  const silenced = before.find((c) => /\bnolint:[\w,-]*\bcontextcheck\b/.test(c.text) && c.startPosition.row >= call.startPosition.row - 1)?.text;
  if (silenced) return silenced;
  const own = besideExplaining(call, body, kind, inScope);
  if (own) return own;
  // Or the same choice explained once for another empty context of the function (\`// not using
  // shared context to not disrupt display but let it finish reporting errors\` above one case of a
  // switch, its sibling cases written alike: okteto's build displays).
  const empty = new RegExp(`\\.${kind}$`);
  const others = body.descendantsOfType('call_expression').filter((c) => !same(c, call) && empty.test(c.childForFieldName('function')?.text ?? '') && same(ancestors(c).find((a) => FUNCTION_TYPES.has(a.type)), fn) && inSiblingBranches(call, c));
  return others.map((c) => besideExplaining(c, body, kind, inScope)).find(Boolean);
}

/** Two calls in different cases of one switch or select, or different branches of one if: written alike, side by side. */
function inSiblingBranches(a: Node, b: Node): boolean {
  const common = ancestors(a).find((n) => n.startIndex <= b.startIndex && b.endIndex <= n.endIndex);
  return !!common && /^(expression_switch_statement|type_switch_statement|select_statement|if_statement)$/.test(common.type);
}

/** The comment on the call's line, or in the lines right above its statement, that says why. */
function besideExplaining(call: Node, body: Node, kind: 'TODO' | 'Background', inScope: string): string | undefined {
  const before = body.descendantsOfType('comment').filter((c) => c.startPosition.row <= call.startPosition.row);
  const named = new RegExp(`(?<![\\w.])${regexEscaped(inScope)}\\b`);
  const row = call.startPosition.row;
  const statement = ancestors(call).find((a) => a.parent?.type === 'statement_list' || a.parent?.type === 'block' || same(a.parent, body)) ?? call;
  // The comment on the call's line, then the lines of comment right above its statement.
  const beside = before.filter((c) => c.startPosition.row === row);
  let above = statement.startPosition.row - 1;
  for (const c of [...before].reverse()) {
    if (c.endPosition.row !== above || c.startIndex >= statement.startIndex) continue;
    beside.push(c);
    above = c.startPosition.row - 1;
  }
  return beside.find((c) => (named.test(c.text) && (WHY.test(c.text) || NOT_CANCELLED.test(c.text))) || ((named.test(c.text) || /\bcontext\b/i.test(c.text)) && WHY_NOT.test(c.text)) || (kind === 'Background' && NOT_CANCELLED.test(c.text)) || EVEN_CANCELLED.test(c.text))?.text;
}

/**
 * Words saying why a context cannot be used (`It can't use the same context as performCapture
 * because it might have timed out`: antrea's packet capture uploads on its own; `not using shared
 * context to not disrupt display`: okteto's build displays), or that its parent
 * is cut on purpose (`// clear parent context / deadline.`: prysm's broadcasts, started by request
 * handlers that return at once), or that it is not tied to the caller's (`this context should not
 * be tied to the lifetime of the request`: ratify's system-error metric).
 */
const WHY_NOT = /\b(?:can'?t|cannot|must ?n[o']t|should ?n[o']t|do ?n[o']t|don'?t|not) (?:use|used|using|reuse|pass|passed|passing)\b|\b(?:timed out|expired|already (?:done|cancel+ed))\b|\b(?:clear|drop|strip|discard|ignore|cut)\w*\s+(?:the\s+)?(?:parent|deadline|cancel\w*)\b|\bdetach\w*|\bnot\s+(?:be\s+)?(?:tied|bound|linked|coupled)\s+to\b/i;

/**
 * Words saying the work must not be cancelled, by themselves enough beside a `context.Background()`
 * (`// Avoids to get canceled by client.`: stargz's layer pre-resolving, cut with the request).
 */
const NOT_CANCELLED = /\b(?:avoid\w*|not|never|without)\b[^.\n]{0,40}\bcancel+\w*/i;

/**
 * Words saying the work is to run once the context is cancelled too, enough by themselves beside
 * either call (\`// always stop and remove the job container, even if we were cancelled\`:
 * nektos/act's job executor, which would have left a cancelled job's container behind).
 */
const EVEN_CANCELLED = /\beven (?:if|when|though|after|once)\b[^.\n]{0,40}\bcancel+(?:ed|led|ing|ation)?\b/i;

/** A note left for later (`TODO:`, not the call `TODO()`), or words of a reason the context is left out. */
const WHY = /\b(?:TODO|FIXME|XXX)\b(?![\\(])|\b(?:shutdown|outlive|must|abandon\w*|on purpose|deliberate\w*|intentional\w*)\b/i;
