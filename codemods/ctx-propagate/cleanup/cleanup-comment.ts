import { ancestors, FUNCTION_TYPES, same, type Node } from '../../../src/go/syntax.js';

/**
 * Words of a comment saying the code below cleans up, as the clean-up names of CLEANUP do
 * (`release the lock`, `clean up`, `unlock`, `tear down`, `remove the lock`), not the nouns alone
 * (`a lock`, `the release notes` are no such words: `release` is taken as a verb, not after `the`).
 */
const SAYS_CLEANUP = /(?<!\b(?:the|a|new|next|each|every|this|that|per)\s+)\b(?:releas(?:e[sd]?|ing)|unlock(?:s|ed|ing)?|clean(?:s|ed|ing)?[ -]?up|cleanup|tear(?:s|ing)?[ -]?down|teardown)\b(?![ -]?(?:notes?|versions?|builds?|branch\w*|tags?|candidates?|channels?|mode)\b)|\b(?:remov|delet|drop|fre)(?:e[sd]?|ing)\s+(?:the\s+|its\s+|our\s+|their\s+|this\s+|stale\s+)?(?:lock|lease)s?\b/i;

/**
 * The comment on the call's line, or in the lines of comment right above its statement, whose
 * words say it cleans up (`// the client who held the lock has gone, release the lock.` above
 * `delkey.Exec(context.Background(), …)`: valkey-go's release of a dead client's lock, which,
 * given the caller's context past its deadline, failed, and the lock was never released). Those
 * above first. As written.
 */
export function cleanupComment(call: Node): string | undefined {
  const fn = ancestors(call).find((a) => FUNCTION_TYPES.has(a.type));
  const body = fn?.childForFieldName('body');
  if (!body) return undefined;
  const statement = ancestors(call).find((a) => a.parent?.type === 'statement_list' || a.parent?.type === 'block' || same(a.parent, body)) ?? call;
  const comments = body.descendantsOfType('comment').filter((c) => c.startPosition.row <= call.startPosition.row);
  const above: Node[] = [];
  let row = statement.startPosition.row - 1;
  for (const c of [...comments].reverse()) {
    if (c.endPosition.row !== row || c.startIndex >= statement.startIndex) continue;
    above.push(c);
    row = c.startPosition.row - 1;
  }
  const beside = comments.filter((c) => c.startPosition.row === call.startPosition.row && c.startIndex > call.startIndex);
  // Not an analysistest expectation (`// want "…"`), which tells of a diagnostic, not of the code.
  return [...above, ...beside].find((c) => SAYS_CLEANUP.test(c.text) && !/^\/\/\s*want\s+["`]/.test(c.text))?.text;
}
