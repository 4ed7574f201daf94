import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/engine/apply-edits.js';
import { parseGo } from '../../src/engine/parser.js';
import { addImportEdits, packageName } from '../../src/go/imports.js';

function add(src: string, paths: string[]): string {
  return applyEdits(src, addImportEdits(src, parseGo(src), paths));
}

describe('addImportEdits', () => {
  it('adds an import block after the package clause when there is none', () => {
    expect(add('package x\n\nfunc f() {}\n', ['runtime'])).toBe('package x\n\nimport "runtime"\n\nfunc f() {}\n');
    expect(add('package x\n', ['sync', 'runtime'])).toBe('package x\n\nimport (\n\t"runtime"\n\t"sync"\n)\n');
  });

  it('turns a single import into a sorted block', () => {
    expect(add('package x\n\nimport "fmt"\n', ['context'])).toBe('package x\n\nimport (\n\t"context"\n\t"fmt"\n)\n');
  });

  it('inserts in sorted position within the first group of a block', () => {
    const src = 'package x\n\nimport (\n\t"fmt"\n\t"time"\n\n\t"example.com/y"\n)\n';
    expect(add(src, ['sync', 'context'])).toBe('package x\n\nimport (\n\t"context"\n\t"fmt"\n\t"sync"\n\t"time"\n\n\t"example.com/y"\n)\n');
    expect(add(src, ['unicode'])).toBe('package x\n\nimport (\n\t"fmt"\n\t"time"\n\t"unicode"\n\n\t"example.com/y"\n)\n');
  });

  it('adds nothing for a path already imported, even under an alias', () => {
    const src = 'package x\n\nimport ctxpkg "context"\n';
    expect(add(src, ['context'])).toBe(src);
    expect(packageName(parseGo(src), 'context')).toBe('ctxpkg');
  });
});
