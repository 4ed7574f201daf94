import { describe, expect, it } from 'vitest';
import { goconc } from './support/cli.js';
import { tempTree } from './support/temp-tree.js';

const SEND = `package svc

import "context"

func produce(ctx context.Context, out chan<- int) {
	out <- 1
}
`;

function tree(config: string, extra: Record<string, string> = {}): string {
  return tempTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'goconc.yaml': config, 'svc/svc.go': SEND, ...extra });
}

describe('goconc.yaml', () => {
  it('switches codemods off, and --only still wins', () => {
    const dir = tree('codemods:\n  send-select-ctx: false\n');
    expect(goconc(['scan'], dir).status).toBe(0);
    expect(goconc(['scan', '--only', 'send-select-ctx'], dir).status).toBe(1);
    expect(goconc(['scan', '--no-config'], dir).status).toBe(1);
  });

  it('is found by walking up from the working directory, as .goconc.yaml too', () => {
    const dir = tempTree({ '.git/HEAD': 'x', '.goconc.yaml': 'codemods:\n  send-select-ctx:\n    enabled: false\n', 'svc/svc.go': SEND });
    expect(goconc(['scan', '.'], `${dir}/svc`).status).toBe(0);
  });

  it('excludes paths with .gitignore-style patterns relative to the file', () => {
    const dir = tree('exclude:\n  - svc/\n');
    const res = goconc(['scan', '--json'], dir);
    expect(JSON.parse(res.stdout).findings).toEqual([]);
    expect(res.status).toBe(0);
  });

  it('sets the scan failure threshold', () => {
    expect(goconc(['scan'], tree('fail-on: error\n')).status).toBe(0);
    expect(goconc(['scan', '--fail-on', 'warning'], tree('fail-on: error\n')).status).toBe(1);
  });

  it('rejects unknown keys, codemods, options and bad values, naming the file, line and key', () => {
    const cases: [string, RegExp][] = [
      ['codemod:\n  x: 1\n', /goconc\.yaml:1: unknown key "codemod" \(known: codemods, exclude, fail-on\)/],
      ['codemods:\n  send-select-ctxx: false\n', /goconc\.yaml:2: codemods\.send-select-ctxx: unknown codemod/],
      ['codemods:\n  send-select-ctx:\n    bogus: 1\n', /goconc\.yaml:3: codemods\.send-select-ctx\.bogus: unknown option \(known: enabled/],
      ['codemods:\n  send-select-ctx:\n    enabled: maybe\n', /goconc\.yaml:3: codemods\.send-select-ctx\.enabled: expected true or false, got "maybe"/],
      ['fail-on: fatal\n', /goconc\.yaml:1: fail-on: expected one of info, warning, error, got "fatal"/],
      ['exclude: svc\n', /goconc\.yaml:1: exclude: expected a list of path patterns/],
      ['codemods: [1\n', /goconc\.yaml: not valid YAML/],
    ];
    for (const [config, message] of cases) {
      const res = goconc(['scan'], tree(config));
      expect(res.status, config).toBe(2);
      expect(res.stderr, config).toMatch(message);
    }
  });
});
