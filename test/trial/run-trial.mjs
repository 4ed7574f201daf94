// npm run trial -- <Go module dir> [packages…] [--timeout 10m] [--run REGEXP] [--reruns 6] [--count 1] [--race] [--tags a,b] [--keep]
//
// goconc judged by a real project's own tests: two copies of the module, `goconc fix --write` on
// one, then gofmt, go build, go vet and `go test -json` on both, test by test. A test that passes
// on the original and fails (or never ends) after the rewrite is run again in both copies to
// tell a regression from a flaky test. Prints what changed and exits 1 on a regression, a new
// build or vet problem, or a file left unformatted that was gofmt-clean; 2 when the original's
// tests give no results to compare with. Nothing is written to the given directory. A module that
// replaces another by a local path outside it (a nested module of a repository) is copied with it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const cli = fileURLToPath(new URL('../../bin/goconc.js', import.meta.url));
/** How much of a failing package's output to show: a timeout's panic names the tests still running first. */
const LAST_LINES = 25;
const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    timeout: { type: 'string', default: '10m' },
    run: { type: 'string' },
    keep: { type: 'boolean', default: false },
    reruns: { type: 'string', default: '6' },
    count: { type: 'string', default: '1' },
    race: { type: 'boolean', default: false },
    // Build tags for build, vet and test (`--tags integration`: a package whose tests are all behind one).
    tags: { type: 'string' },
  },
});
if (positionals.length === 0) {
  console.error('usage: npm run trial -- <Go module dir> [packages…] [--timeout 10m] [--run REGEXP] [--reruns 6] [--count 1] [--race] [--tags a,b] [--keep]');
  process.exit(2);
}
const source = resolve(positionals[0]);
const packages = positionals.length > 1 ? positionals.slice(1) : ['./...'];

/**
 * What is copied: the module, or the directory around it and every module its go.mod replaces by
 * a local path outside it (`replace go.opentelemetry.io/otel => ../..`: a nested module of a
 * repository), so the copies build as the original does. The copied root, and the module within it.
 */
function copiedRoot(dir) {
  let gomod = '';
  try {
    gomod = readFileSync(join(dir, 'go.mod'), 'utf8');
  } catch {
    return { root: dir, module: '.' };
  }
  let root = dir;
  for (const m of gomod.matchAll(/=>\s*(\.{1,2}\/[^\s]*|\.\.)\s*$/gm)) {
    const target = resolve(dir, m[1]);
    while (relative(root, target).startsWith('..')) root = dirname(root);
  }
  return { root, module: relative(root, dir) || '.' };
}

const tags = opts.tags ? [`-tags=${opts.tags}`] : [];
const { root: copied, module: within } = copiedRoot(source);
const work = mkdtempSync(join(tmpdir(), 'goconc-trial-'));
const before = join(work, 'before', basename(copied), within);
const after = join(work, 'after', basename(copied), within);
for (const side of ['before', 'after']) cpSync(copied, join(work, side, basename(copied)), { recursive: true, filter: (p) => basename(p) !== '.git' });

function run(cmd, args, cwd, extra = {}) {
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, ...extra });
  // A command that could not start (its directory removed from under it, the tool missing) has no
  // output: its error stands in for it, so the comparison reports it rather than crashing on it.
  if (res.error) return { ...res, status: res.status ?? 1, stdout: res.stdout ?? '', stderr: `${cmd} ${args[0] ?? ''} could not run in ${cwd}: ${res.error.message}\n${res.stderr ?? ''}` };
  return res;
}

let failed = false;
/** End the trial: the copies go unless kept. */
function finish(code) {
  if (!opts.keep) rmSync(work, { recursive: true, force: true });
  // A project's tests run as root can replace /dev/null with a file: everything after would misbehave.
  if (process.platform === 'linux' && !statSync('/dev/null').isCharacterDevice()) {
    console.log('warning: /dev/null is no longer a device (a test replaced it); restore it with: rm /dev/null && mknod -m 666 /dev/null c 1 3');
  }
  process.exit(code);
}
const problem = (line) => {
  failed = true;
  console.log(`  ✗ ${line}`);
};

// The rewrite.
const fix = run(process.execPath, [cli, 'fix', '--write', '--json', '--quiet', '.'], after);
const report = JSON.parse(fix.stdout || '{}');
const applied = (report.findings ?? []).filter((f) => f.applied);
const changed = [...new Set(applied.map((f) => f.file))].sort();
console.log(`trial of ${source} (${packages.join(' ')}), copies in ${work}`);
console.log(`goconc fix --write: ${applied.length} fixes applied in ${changed.length} files (exit ${fix.status})`);
for (const [codemod, n] of Object.entries(countBy(applied, (f) => f.codemod))) console.log(`  ${codemod}: ${n}`);
if (fix.stderr.trim()) console.log(indent(fix.stderr.trim()));

if (applied.length === 0) {
  console.log('trial: nothing rewritten, nothing to judge');
  finish(0);
}

// Formatting, building and vetting: problems the rewrite brought, not those already there.
const unformattedIn = (dir) => (changed.length ? run('gofmt', ['-l', ...changed], dir).stdout.split('\n').filter(Boolean) : []);
const wasUnformatted = new Set(unformattedIn(before));
const unformatted = unformattedIn(after).filter((f) => !wasUnformatted.has(f));
if (unformatted.length) problem(`not gofmt-clean after the rewrite:\n${indent(unformatted.join('\n'))}`);
for (const step of [['build', ...tags, ...packages], ['vet', ...tags, ...packages]]) {
  const was = goProblems(step, before);
  const now = goProblems(step, after);
  // By file and message: a rewrite moves the lines below it.
  const where = (l) => l.replace(/^([^:]+):\d+:\d+:/, '$1:');
  const left = was.map(where);
  const added = now.filter((l) => {
    const i = left.indexOf(where(l));
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
  if (added.length) problem(`go ${step[0]}: new after the rewrite:\n${indent(added.join('\n'))}`);
  else console.log(`go ${step[0]}: ${now.length === 0 ? 'clean' : `${now.length} problems, all there before the rewrite`}`);
}

// The project's tests, one after the other (side by side they would slow each other down).
const race = opts.race ? ['-race'] : [];
const testArgs = ['test', '-json', `-count=${opts.count}`, ...race, ...tags, `-timeout=${opts.timeout}`, ...(opts.run ? ['-run', opts.run] : []), ...packages];
const beforeRun = run('go', testArgs, before);
const was = testOutcomes(beforeRun.stdout);
if (![...was.keys()].some((key) => key.includes(' '))) {
  // Nothing to compare with (no go.mod, no test files, a module that does not build…): no verdict.
  const said = [...beforeRun.stderr.split('\n'), ...beforeRun.stdout.split('\n').map((l) => (l.startsWith('{') ? (JSON.parse(l).Output ?? '').trimEnd() : l))].filter((l) => l.trim());
  console.log(`go test gave no results on the original:\n${indent(said.slice(0, 10).join('\n'))}`);
  console.log('trial: no verdict');
  finish(2);
}
const afterRun = run('go', testArgs, after).stdout;
const now = testOutcomes(afterRun);
console.log(`go test before: ${summary(was)}`);
console.log(`go test after:  ${summary(now)}`);
// A subtest missing after (named at random: a UUID) is no suspect while its test passed.
const parentPassed = (key) => {
  const slash = key.indexOf('/', key.indexOf(' '));
  return slash !== -1 && now.get(key.slice(0, slash)) === 'pass';
};
// After a timeout panic, only the tests it names as running hung; the others never got to run.
const hung = new Map();
const unrun = (key) => {
  const pkg = key.slice(0, key.indexOf(' '));
  if (!hung.has(pkg)) hung.set(pkg, runningAtTimeout(afterRun, pkg));
  const running = hung.get(pkg);
  return !!running && !running.includes(key.slice(key.indexOf(' ') + 1).split('/')[0]);
};
const missing = [...was].filter(([key, outcome]) => outcome === 'pass' && key.includes(' ') && now.get(key) === undefined && !parentPassed(key));
for (const [key] of missing) unrun(key);
for (const [pkg, running] of hung) {
  const skipped = missing.filter(([key]) => key.startsWith(`${pkg} `) && unrun(key)).length;
  if (running && skipped) console.log(`  ${pkg}: ${skipped} tests did not run after the rewrite: the package timed out in ${running.join(', ')}`);
}
const suspects = [...was].filter(([key, outcome]) => outcome === 'pass' && (now.get(key) === 'fail' || (now.get(key) === undefined && !parentPassed(key) && !(key.includes(' ') && unrun(key))))).map(([key]) => key);
// Tests first: a package whose failing tests all turn out flaky is flaky itself.
const verdicts = new Map();
for (const key of suspects.filter((k) => k.includes(' '))) {
  const [pkg, test] = key.split(' ');
  // Run again, --reruns times in each copy: a test failing in both or passing in both is not the rewrite's doing.
  const only = test
    .split('/')
    .map((part) => `^${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
    .join('/');
  const again = (dir) => run('go', ['test', `-count=${opts.reruns}`, ...race, ...tags, `-timeout=${opts.timeout}`, '-run', only, pkg], dir).status === 0;
  const verdict = !again(before) ? 'fails on the original too when run again' : again(after) ? 'passes after the rewrite when run again' : undefined;
  verdicts.set(key, verdict ?? 'regression');
  if (verdict) console.log(`  ~ ${key}: flaky (${verdict})`);
  else problem(`${key}: passes on the original, fails after the rewrite`);
}
for (const pkg of suspects.filter((k) => !k.includes(' '))) {
  const tests = suspects.filter((k) => k.startsWith(`${pkg} `));
  // Every test that passed before ran after, and those that failed were flaky.
  const flaky = tests.length > 0 && tests.every((k) => now.has(k) && verdicts.get(k) !== 'regression');
  if (flaky) console.log(`  ~ ${pkg}: failed only by the flaky tests above`);
  else problem(`${pkg}: its tests passed before the rewrite and ${now.get(pkg) ?? 'did not run'} after; the end of its output:\n${indent(packageOutput(afterRun, pkg).slice(-LAST_LINES).join('\n'))}`);
}
const fixedTests = [...now].filter(([key, outcome]) => outcome === 'pass' && was.get(key) === 'fail').map(([key]) => key);
if (fixedTests.length) console.log(`passing only after the rewrite: ${fixedTests.join(', ')}`);

console.log(failed ? 'trial: FAILED' : 'trial: passed');
finish(failed ? 1 : 0);

/** `go build`/`go vet` output lines (paths relative to the copy), to compare two copies by. */
function goProblems(args, dir) {
  const res = run('go', args, dir);
  return res.stderr
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split(dir).join('.'));
}

/** A package's output lines from `go test -json`, up to the first goroutine dump of a panic. */
function packageOutput(stdout, pkg) {
  const lines = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const e = JSON.parse(line);
    if (e.Package === pkg && e.Action === 'output') lines.push(e.Output.replace(/\n$/, ''));
  }
  const dump = lines.findIndex((l) => /^goroutine \d+ \[/.test(l));
  return dump === -1 ? lines : lines.slice(0, dump);
}

/** The tests a package's timeout panic names as still running (`panic: test timed out after 3m0s` … `running tests:`), or undefined when it did not time out. */
function runningAtTimeout(stdout, pkg) {
  const lines = packageOutput(stdout, pkg);
  const at = lines.findIndex((l) => l.startsWith('panic: test timed out after'));
  if (at === -1) return undefined;
  const names = [];
  for (const l of lines.slice(at + 1)) {
    const m = /^\s+(\w[^\s(]*) \(/.exec(l);
    if (m) names.push(m[1].split('/')[0]);
    else if (names.length > 0) break;
  }
  return names;
}

/** Outcome by `package test` (and by `package` alone for the package as a whole) from `go test -json`. */
function testOutcomes(stdout) {
  const out = new Map();
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const e = JSON.parse(line);
    if (!['pass', 'fail', 'skip'].includes(e.Action)) continue;
    // Run --count times: one failure makes the test a failing one.
    const key = e.Test ? `${e.Package} ${e.Test}` : e.Package;
    if (out.get(key) !== 'fail') out.set(key, e.Action);
  }
  return out;
}

function summary(outcomes) {
  const counts = countBy([...outcomes].filter(([key]) => key.includes(' ')), ([, outcome]) => outcome);
  return `${counts.pass ?? 0} tests passed, ${counts.fail ?? 0} failed, ${counts.skip ?? 0} skipped`;
}

function countBy(items, key) {
  const out = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

function indent(text) {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
