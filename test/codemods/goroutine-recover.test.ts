import { describe, expect, it } from 'vitest';
import { codemods } from '../../codemods/index.js';
import { PackageIndexCache } from '../../src/engine/package-cache.js';
import { analyzeSource } from '../../src/engine/process-file.js';

const codemod = codemods.find((c) => c.id === 'goroutine-recover')!;
const SRC = `package flow

func Async(step func()) {
	go func() {
		step()
	}()
}
`;

const reasons = (path: string) =>
  analyzeSource(path, path, SRC, { codemods: [codemod], goVersion: '1.22', packages: new PackageIndexCache() }).findings.map((f) => f.reason ?? 'fixed');

describe('goroutine-recover in test code', () => {
  it('leaves a goroutine under a directory of tests without a fix, as in a _test.go file', () => {
    for (const path of ['/repo/tests/certification/flow/flow.go', '/repo/test/e2e/flow.go', '/repo/internal/testutil/flow.go']) {
      expect(reasons(path), path).toEqual([expect.stringContaining('the goroutine is in test code')]);
    }
  });

  it('fixes the same goroutine elsewhere', () => {
    expect(reasons('/repo/internal/flow/flow.go')).toEqual(['fixed']);
    // A directory whose name only starts like one of tests is no directory of tests.
    expect(reasons('/repo/testdatafoo/flow.go')).toEqual(['fixed']);
  });

  it("leaves a goroutine of a gocheck suite's helper (given *check.C) without a fix", () => {
    const src = `package suite

import check "gopkg.in/check.v1"

func AppHookCycle(c *check.C, stream func() error) {
	go func() {
		c.Assert(stream(), check.IsNil)
	}()
}
`;
    const out = analyzeSource('/repo/lib/app/suite/suite.go', 'suite.go', src, { codemods: [codemod], goVersion: '1.22', packages: new PackageIndexCache() });
    expect(out.findings.map((f) => f.reason)).toEqual([expect.stringContaining('the goroutine runs in test code (a function given c *check.C')]);
  });
});

describe('goroutine-recover in a helper given a stand-in for testing.TB', () => {
  it('leaves a goroutine of a helper given testutil.TestingTB (a non-test file) without a fix', () => {
    const src = `package helpers

import "example.com/sdk/testutil"

func RunCommand(t testutil.TestingTB, cleanup func(testutil.TestingTB)) {
	go func() {
		cleanup(t)
	}()
}
`;
    const out = analyzeSource('/repo/acceptance/framework/helpers/helpers.go', 'helpers.go', src, { codemods: [codemod], goVersion: '1.22', packages: new PackageIndexCache() });
    expect(out.findings.map((f) => f.reason)).toEqual([expect.stringContaining('the goroutine runs in test code (a function given t testutil.TestingTB')]);
  });
});

describe('goroutine-recover over a value another package gives', () => {
  const analyze = (src: string) =>
    analyzeSource('/repo/consumer/main.go', 'main.go', src, { codemods: [codemod], goVersion: '1.22', packages: new PackageIndexCache() }).findings.map((f) => f.reason ?? 'fixed');

  it('leaves a loop ranging with one variable over what a package from outside the standard library gives without a fix (a channel, maybe)', () => {
    const src = `package main

import "example.com/nramqp"

func consume(ch *nramqp.Channel) {
	handle, msgs, err := nramqp.Consume(ch, "q")
	if err != nil {
		return
	}
	go func() {
		for d := range msgs {
			handle(d)
		}
	}()
}
`;
    expect(analyze(src)).toEqual([expect.stringContaining('the goroutine is a loop receiving from msgs (which nramqp.Consume(…) gives, of a type this package does not show')]);
  });

  it("leaves a loop ranging over a field of another package's type without a fix, unless its variable is named for an index", () => {
    const src = `package monitor

import "example.com/gocmd"

type process struct{ cmd *gocmd.Cmd }

func (p *process) start(write func(string), count func(int)) {
	go func() {
		for line := range p.cmd.Stdout {
			write(line)
		}
	}()
	go func() {
		for i := range p.cmd.Args {
			count(i)
		}
	}()
}
`;
    expect(analyze(src)).toEqual([expect.stringContaining('the goroutine is a loop receiving from p.cmd.Stdout (a field of *gocmd.Cmd, a type this package does not show'), 'fixed']);
  });

  it("leaves a loop ranging over a field of what another package's function gives without a fix (slack-go's socket-mode client)", () => {
    const src = `package main

import "example.com/socketmode"

func main() {
	client := socketmode.New()
	go func() {
		for evt := range client.Events {
			handle(evt)
		}
	}()
	client.Run()
}

func handle(evt any) {}
`;
    expect(analyze(src)).toEqual([expect.stringContaining('the goroutine is a loop receiving from client.Events (a field of what socketmode.New(…) gives, a type this package does not show')]);
  });

  it("fixes the same loop over what a standard library's function gives (its types are known: strings.Fields gives a slice)", () => {
    const src = `package main

import "strings"

func count(line string, out func(int)) {
	fields := strings.Fields(line)
	go func() {
		for i := range fields {
			out(i)
		}
	}()
}
`;
    expect(analyze(src)).toEqual(['fixed']);
  });
});
