import type { Finding } from './types.js';

/** A text/template action written as a Go comment: `// {{if .Config.IncludeHTTP}}`, `// {{end}}`. */
const TEMPLATE_ACTION = /^[ \t]*\/\/[ \t]*\{\{-?[ \t]*(?:if|else|end|range|with|define|template|block)\b/m;

/**
 * A Go file that is a text/template source (sliver's implant: `// {{if .Config.X}}` … `// {{end}}`)
 * is rendered per build, each action keeping or dropping the code up to the next: a fix could
 * put a declaration in one region and its uses (or an import's) in another, and break every build
 * that drops one. Its fixes become reasons; the findings stay.
 */
export function withoutFixesInTemplate(findings: Finding[], source: string): void {
  const action = TEMPLATE_ACTION.exec(source);
  if (!action) return;
  const line = source.slice(0, action.index).split('\n').length;
  const text = source.slice(action.index, source.indexOf('\n', action.index) >>> 0).trim();
  const reason = `the file is a text/template source (\`${text}\` at line ${line}): each rendering keeps or drops the code between its actions, and a rewrite could leave a declaration (or an import) in one region and its uses in another`;
  for (const f of findings) {
    if (!f.fix && !f.alternatives) continue;
    delete f.fix;
    delete f.alternatives;
    f.reason = reason;
  }
}
