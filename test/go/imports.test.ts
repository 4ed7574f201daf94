import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/engine/apply-edits.js';
import { parseGo } from '../../src/engine/parser.js';
import { addImportEdits, importName, importNameClash, importSpecs, packageName } from '../../src/go/imports.js';

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

  it("gives standard-library paths a group of their own before one holding only other modules' paths", () => {
    const src = 'package x\n\nimport (\n\t"github.com/a/b"\n\t"github.com/c/d"\n)\n';
    expect(add(src, ['runtime'])).toBe('package x\n\nimport (\n\t"runtime"\n\n\t"github.com/a/b"\n\t"github.com/c/d"\n)\n');
    // Another module's path still joins that group, in sorted position.
    expect(add(src, ['runtime', 'golang.org/x/sync/errgroup'])).toBe('package x\n\nimport (\n\t"runtime"\n\n\t"github.com/a/b"\n\t"github.com/c/d"\n\t"golang.org/x/sync/errgroup"\n)\n');
    expect(add('package x\n\nimport "github.com/a/b"\n', ['runtime'])).toBe('package x\n\nimport (\n\t"runtime"\n\n\t"github.com/a/b"\n)\n');
    // A comment above the group stays with the spec it is written over: the path joins the group.
    const commented = 'package x\n\nimport (\n\t// b does c\n\t"github.com/a/b"\n)\n';
    expect(add(commented, ['runtime'])).toBe('package x\n\nimport (\n\t// b does c\n\t"github.com/a/b"\n\t"runtime"\n)\n');
  });

  it('reads each spec: plain, aliased, dot, blank, raw-string paths, and comments inside a spec', () => {
    const src = 'package p\n\nimport (\n\t"fmt"\n\tctxpkg "context"\n\t. "strings"\n\t_ "embed"\n\tx /* why */ "errors"\n\ty // why\n\t"sort"\n\t`net/http`\n\tsé "time"\n)\n';
    const tree = parseGo(src);
    expect(tree.rootNode.hasError).toBe(false);
    expect(importSpecs(tree).map((s) => [s.alias, s.path])).toEqual([
      [undefined, 'fmt'],
      ['ctxpkg', 'context'],
      ['.', 'strings'],
      ['_', 'embed'],
      ['x', 'errors'],
      ['y', 'sort'],
      [undefined, 'net/http'],
      ['sé', 'time'],
    ]);
    expect(packageName(tree, 'net/http')).toBe('http');
    expect(packageName(tree, 'strings')).toBeUndefined();
    expect(packageName(tree, 'time')).toBe('sé');
  });

  it("leaves cgo's import \"C\" alone (its preamble is the comment just above it): paths go to another declaration, or one of their own", () => {
    const cgo = 'package x\n\n// #include <stdlib.h>\nimport "C"\n';
    expect(add(cgo, ['slices'])).toBe(`${cgo}\nimport "slices"\n`);
    expect(add(cgo, ['sync', 'slices'])).toBe(`${cgo}\nimport (\n\t"slices"\n\t"sync"\n)\n`);
    expect(add(`${cgo}\nimport "fmt"\n`, ['slices'])).toBe(`${cgo}\nimport (\n\t"fmt"\n\t"slices"\n)\n`);
    const before = 'package x\n\nimport "fmt"\n\n// #include <stdlib.h>\nimport "C"\n';
    expect(add(before, ['slices'])).toBe('package x\n\nimport (\n\t"fmt"\n\t"slices"\n)\n\n// #include <stdlib.h>\nimport "C"\n');
  });

  it('adds nothing for a path already imported, even under an alias', () => {
    const src = 'package x\n\nimport ctxpkg "context"\n';
    expect(add(src, ['context'])).toBe(src);
    expect(packageName(parseGo(src), 'context')).toBe('ctxpkg');
  });
});

describe('importNameClash', () => {
  const clash = (header: string, path: string) => importNameClash(parseGo(`package p\n\n${header}\n`), path)?.path;

  it('finds another package under the name a path would take: by its last element, a major version or an alias', () => {
    expect(clash('import "github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"', 'runtime')).toBe('github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime');
    expect(clash('import runtime "strings"', 'runtime')).toBe('strings');
    expect(clash('import "github.com/x/errgroup/v2"', 'golang.org/x/sync/errgroup')).toBe('github.com/x/errgroup/v2');
    expect(clash('import "gopkg.in/time.v1"', 'time')).toBe('gopkg.in/time.v1');
  });

  it('finds none for the path itself, another alias, or other names', () => {
    expect(clash('import "runtime"', 'runtime')).toBeUndefined();
    expect(clash('import azruntime "github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"', 'runtime')).toBeUndefined();
    expect(clash('import (\n\t"context"\n\t"sync"\n)', 'runtime')).toBeUndefined();
  });
});

describe('importName', () => {
  it('assumes the name goimports does: the last element that is no major version, less go- and what cannot be in an identifier', () => {
    expect(importName('runtime/debug')).toBe('debug');
    expect(importName('github.com/nats-io/nats.go')).toBe('nats');
    expect(importName('github.com/redis/go-redis/v9')).toBe('redis');
    expect(importName('gopkg.in/yaml.v3')).toBe('yaml');
    expect(importName('github.com/opentracing/opentracing-go')).toBe('opentracing');
    expect(importName('go.etcd.io/etcd/client/v3')).toBe('client');
  });
});
