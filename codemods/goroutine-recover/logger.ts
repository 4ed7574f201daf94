import type Parser from 'tree-sitter';
import { packageName } from '../../src/go/imports.js';
import { paramsOf } from '../../src/go/scope.js';
import { ancestors, FUNCTION_TYPES, type Node } from '../../src/go/syntax.js';

/** Where a recovery reports the panic: a logger's package-level call, under the name the file uses. */
export interface PanicLogger {
  /** The name the call is made through (`log`, `logrus`, an alias, or a logger parameter: `lo`). */
  name: string;
  /** The import it needs; none for a logger the function is handed. */
  path?: string;
  /** The statement logging `message` with the recovered value and `stack` (the stack's bytes). */
  call(message: string, value: string, stack: string): string;
}

type Call = (name: string, message: string, value: string, stack: string) => string;

const errorf: Call = (n, m, v, s) => `${n}.Errorf("${m}: %v\\n%s", ${v}, ${s})`;

/**
 * Loggers used through package-level functions that print without set-up, in the order one is
 * chosen when a file imports several: a project logging through logrus or slog wants its panics
 * there, among its other lines and through its hooks. zap is not among them: its global logger
 * drops everything until the program replaces it.
 */
const PROJECT_LOGGERS: { path: string; call: Call }[] = [
  { path: 'log/slog', call: (n, m, v, s) => `${n}.Error("${m}", "panic", ${v}, "stack", string(${s}))` },
  { path: 'github.com/sirupsen/logrus', call: errorf },
  { path: 'github.com/containerd/log', call: (n, m, v, s) => `${n}.L.Errorf("${m}: %v\\n%s", ${v}, ${s})` },
  { path: 'github.com/rs/zerolog/log', call: (n, m, v, s) => `${n}.Error().Msgf("${m}: %v\\n%s", ${v}, ${s})` },
  { path: 'k8s.io/klog/v2', call: errorf },
  { path: 'k8s.io/klog', call: errorf },
  { path: 'github.com/golang/glog', call: errorf },
];

/** The standard library's log, the logger when the file imports none of the others. */
const STANDARD: { path: string; call: Call } = { path: 'log', call: (n, m, v, s) => `${n}.Printf("${m}: %v\\n%s", ${v}, ${s})` };

/** The logger a file's recoveries write to: the project's own if the file imports one, else the standard log (imported if need be). */
export function panicLogger(tree: Parser.Tree): PanicLogger {
  for (const logger of [...PROJECT_LOGGERS, STANDARD]) {
    const name = packageName(tree, logger.path);
    if (name) return { name, path: logger.path, call: (m, v, s) => logger.call(name, m, v, s) };
  }
  return { name: 'log', path: 'log', call: (m, v, s) => STANDARD.call('log', m, v, s) };
}

/**
 * The logger the function starting the goroutine is handed (`lo *log.Logger`, `logger *slog.Logger`,
 * a parameter of it or of a function around it): the program's own, writing where its other lines
 * go (listmonk's admin log page), rather than the standard log's stderr. Else the file's.
 */
export function panicLoggerAt(go: Node, tree: Parser.Tree): PanicLogger {
  const log = packageName(tree, 'log');
  const slog = packageName(tree, 'log/slog');
  for (const fn of ancestors(go).filter((a) => FUNCTION_TYPES.has(a.type))) {
    for (const p of paramsOf(fn)) {
      const type = p.typeNode.text.replace(/\s/g, '');
      if (log && type === `*${log}.Logger`) return { name: p.name, call: (m, v, s) => STANDARD.call(p.name, m, v, s) };
      if (slog && type === `*${slog}.Logger`) return { name: p.name, call: (m, v, s) => PROJECT_LOGGERS[0].call(p.name, m, v, s) };
    }
  }
  return panicLogger(tree);
}
