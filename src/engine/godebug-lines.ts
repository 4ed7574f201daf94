/**
 * The `godebug` lines of a go.mod or go.work whose comments are removed: `godebug key=value`
 * and `godebug ( key=value … )` blocks. A later line wins, as for the go command.
 */
export function parseGodebugLines(noComments: string): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (setting: string) => {
    const m = /^([^\s=]+)=(\S*)$/.exec(setting);
    if (m) out[m[1]] = m[2];
  };
  for (const m of noComments.matchAll(/^\s*godebug\s+(?:\(([^)]*)\)|(\S+))/gm)) {
    if (m[2] !== undefined) add(m[2]);
    else for (const s of m[1].matchAll(/\S+/g)) add(s[0]);
  }
  return out;
}
