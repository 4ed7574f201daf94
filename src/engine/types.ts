import type Parser from 'tree-sitter';
import type { PackageIndex } from '../go/package-index.js';
import type { GodebugSettings } from './godebug.js';

/** A replacement of source[start, end) by text. Offsets are JS string (UTF-16) indexes. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A self-contained rewrite: edits that never overlap each other, plus imports the edits rely on. */
export interface Fix {
  /** One line saying what this fix does, e.g. "select on ctx.Done()". */
  description: string;
  edits: Edit[];
  /** Import paths the fixed code needs ("context", "runtime"); added when missing. */
  imports?: string[];
  /** Set by the engine for a fix with imports: its edits plus the import edits, placed. */
  resolved?: Edit[];
  /** Set by the engine when the run shows diffs: the unified diff this fix alone makes. */
  diff?: string;
}

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

/** What a codemod reports about one place in a file. */
export interface RawFinding {
  /** Range of the offending code (JS string offsets). */
  start: number;
  end: number;
  message: string;
  /** The preferred fix, when the codemod is sure of one. */
  fix?: Fix;
  /** Other fixes a reviewer may pick instead (e.g. another cancellation source). */
  alternatives?: Fix[];
  /** Why there is no fix. Required when fix is absent. */
  reason?: string;
  severity?: Severity;
}

/** A finding located in a file, as reporters see it. */
export interface Finding extends RawFinding {
  codemod: string;
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  severity: Severity;
  /** 1-based line. */
  line: number;
  /** 1-based column in bytes, as Go tools count. */
  column: number;
  endLine: number;
  endColumn: number;
}

/** Everything a codemod may look at for one file. */
export interface FileContext {
  /** Absolute path. */
  path: string;
  source: string;
  tree: Parser.Tree;
  /** The module's `go` version ("1.22"), or undefined when no go.mod declares one. */
  goVersion: string | undefined;
  /**
   * The GODEBUG settings the file's code may be built with (go.mod, go.work and a package main's
   * `//go:debug` lines), one record per build mode; see godebug.ts' timersCollected.
   */
  godebug?: GodebugSettings;
  /** Types, fields and methods declared in the file's package (built lazily, once per package). */
  packageIndex(): PackageIndex;
  /** Codemod options, already merged from defaults, config and flags. */
  options: Record<string, unknown>;
}

export interface CodemodOption {
  /** kebab-case; also the command-line flag `--<name>` and the config key. */
  name: string;
  description: string;
  default: unknown;
  /** Value type; inferred from the default when absent. `list` is a list of strings. */
  type?: 'boolean' | 'number' | 'string' | 'list';
  /** Allowed values for a string option. */
  choices?: string[];
}

/** One codemod: a rule that finds a hazard and, where it is sure, fixes it. */
export interface Codemod {
  /** kebab-case identifier used on the command line. */
  id: string;
  title: string;
  /** Markdown: why the pattern is a hazard, before/after, when no fix is offered. */
  docs: string;
  severity: Severity;
  enabledByDefault: boolean;
  options: CodemodOption[];
  /**
   * A test on the file's text, before parsing: false only when the codemod cannot match (it
   * may be true for text in comments). Files no enabled codemod's prefilter accepts are not
   * parsed. `goVersion` is the file's module's `go` version, `godebug` its GODEBUG settings.
   */
  prefilter(source: string, goVersion: string | undefined, godebug?: GodebugSettings): boolean;
  /**
   * Text marking the top-level functions the codemod looks into (a send, a `go`, a call): the
   * functions in which no active codemod's trigger occurs are not parsed. Without it, a file the
   * codemod runs on is parsed whole. Its flags are kept (`m` for line anchors). Or a test on the
   * text of a top-level function (from its `func` to the next top-level declaration), for a
   * condition one pattern cannot state.
   */
  triggers?: RegExp | ((functionText: string) => boolean);
  find(ctx: FileContext): RawFinding[];
}
