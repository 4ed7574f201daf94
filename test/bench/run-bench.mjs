// npm run bench [-- <go tree>…]: goconc scan on a generated monorepo (and any Go tree given),
// against the parse floor (bare tree-sitter over the same files) and ast-grep with equivalent
// rules, all in this one run (five rounds, each running every measurement once, ast-grep
// included: a ratio is the median of the rounds' ratios, printed with their range). Prints
// figures, ratios, and whether the targets are met, for every tree.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate-corpus.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const cli = join(repo, 'bin', 'goconc.js');

function goFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'vendor' || e.name === 'testdata' || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) goFiles(p, out);
    else if (e.name.endsWith('.go')) out.push(p);
  }
  return out;
}

/** Run a command under /usr/bin/time -v: wall seconds, CPU seconds (user + system), peak RSS (MB), stdout. */
function timed(cmd, args, opts = {}) {
  const useTime = existsSync('/usr/bin/time');
  const res = useTime
    ? spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...opts })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const wall = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(res.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(res.stderr);
  const cpu = ['User', 'System'].reduce((n, kind) => n + Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(res.stderr)?.[1] ?? NaN), 0);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  return { seconds, cpu, rssMB: rss ? Number(rss[1]) / 1024 : NaN, stdout: res.stdout, status: res.status, stderr: res.stderr };
}

/** The median of numbers. */
function mid(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The run of median wall time among runs, with the highest peak RSS seen. */
function medianRun(runs) {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return { ...sorted[Math.floor(sorted.length / 2)], rssMB: Math.max(...runs.map((r) => r.rssMB)) };
}

/**
 * Measurements taken in rounds, one of each per round: a shared machine's slow phases then weigh
 * on both sides of a ratio alike, and a ratio is the median of its rounds' ratios.
 */
function rounds(n, measures) {
  const out = Object.fromEntries(Object.keys(measures).map((k) => [k, []]));
  for (let i = 0; i < n; i++) for (const [k, measure] of Object.entries(measures)) out[k].push(measure());
  return out;
}

/** Median and range of per-round ratios. */
function ratio(tops, bottoms) {
  const r = tops.map((t, i) => t / bottoms[i]);
  return { median: mid(r), min: Math.min(...r), max: Math.max(...r) };
}

const RUNS = 5;

const fmt = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

function benchTree(name, root) {
  const files = goFiles(root);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const mb = bytes / 1e6;
  console.log(`\n== ${name}: ${files.length} Go files, ${fmt(mb, 1)} MB (${root})`);

  // Which files goconc parsed: those the prefilters let through, by goconc's own code.
  const parsedFiles = JSON.parse(spawnSync(process.execPath, [join(here, 'parsed-files.mjs'), root], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout);
  const floorAll = JSON.parse(spawnSync(process.execPath, [join(here, 'parse-floor.mjs')], { input: files.join('\n'), encoding: 'utf8', maxBuffer: 1 << 30 }).stdout);
  const scan = (jobs, extra = []) => () => timed(process.execPath, [cli, 'scan', '--json', '--quiet', '--jobs', String(jobs), ...extra, '.'], { cwd: root });
  const sgBin = join(repo, 'node_modules', '.bin', 'ast-grep');
  const measured = rounds(RUNS, {
    j1: scan(1),
    j2: scan(2),
    // goconc's own work over the parsed files: its run minus node start-up and discovery,
    // measured as the same command on an empty selection (every codemod skipped).
    baseline: scan(1, ['--only', 'send-select-ctx', '--skip', 'send-select-ctx']),
    // The opt-in codemods, whose checks follow calls across a package: no target, a figure to watch.
    optIn: scan(2, ['--only', 'goroutine-recover,loop-ctx-check']),
    floor: () => JSON.parse(spawnSync(process.execPath, [join(here, 'parse-floor.mjs')], { input: parsedFiles.join('\n'), encoding: 'utf8', maxBuffer: 1 << 30 }).stdout),
    // In the same rounds as goconc, so a slow phase of a shared machine weighs on both sides.
    ...(existsSync(sgBin) ? { sg: () => timed(sgBin, ['scan', '-c', join(here, 'sg-rules', 'sgconfig.yml'), '--json=stream', root], { cwd: join(here, 'sg-rules') }) } : {}),
  });
  const [j1, j2, baseline, optIn] = [medianRun(measured.j1), medianRun(measured.j2), medianRun(measured.baseline), medianRun(measured.optIn)];
  const floorParsed = { seconds: mid(measured.floor.map((f) => f.seconds)) };
  const speedup = ratio(measured.j1.map((r) => r.seconds), measured.j2.map((r) => r.seconds));
  const own = measured.j1.map((r, i) => r.seconds - measured.baseline[i].seconds);
  const overFloor = ratio(own, measured.floor.map((f) => f.seconds));
  const report = JSON.parse(j2.stdout);
  const parsed = report.summary.filesParsed;
  const sameFindings = JSON.stringify(JSON.parse(j1.stdout).findings) === JSON.stringify(report.findings);

  const sg = measured.sg ? medianRun(measured.sg) : undefined;
  const overSg = measured.sg ? ratio(measured.sg.map((r) => r.seconds), measured.j2.map((r) => r.seconds)) : undefined;

  for (const [jobs, r] of [[1, j1], [2, j2]]) {
    console.log(`goconc scan --jobs ${jobs}: ${fmt(r.seconds)} s, ${fmt(files.length / r.seconds, 0)} files/s, ${fmt(mb / r.seconds)} MB/s, peak RSS ${fmt(r.rssMB, 0)} MB, CPU ${fmt(r.cpu)} s (${fmt(r.cpu / r.seconds, 1)} cores busy)`);
  }
  // V8's helper threads (compilation, collection) use a second core even for one job: --jobs 2
  // can at best share the CPU time of --jobs 1 over two cores.
  console.log(`--jobs 2 against --jobs 1: ${fmt(speedup.median)}× (rounds ${fmt(speedup.min)}–${fmt(speedup.max)}×); at most ${fmt(j1.seconds / (j1.cpu / 2))}× on 2 cores (--jobs 1's CPU time shared over both)`);
  const optInRatio = ratio(measured.optIn.map((r) => r.seconds), measured.j2.map((r) => r.seconds));
  console.log(`opt-in codemods (goroutine-recover, loop-ctx-check) --jobs 2: ${fmt(optIn.seconds)} s, peak RSS ${fmt(optIn.rssMB, 0)} MB; ${fmt(optInRatio.median)}× the default codemods' time (rounds ${fmt(optInRatio.min)}–${fmt(optInRatio.max)}×)`);
  console.log(`prefilter: ${files.length - parsed} of ${files.length} files not parsed (${fmt((100 * (files.length - parsed)) / files.length, 0)} %); ${report.summary.findings} findings; same findings for --jobs 1 and 2: ${sameFindings}`);
  console.log(`parse floor (bare tree-sitter, 1 thread): all files ${fmt(floorAll.seconds)} s (${fmt(floorAll.bytes / 1e6 / floorAll.seconds)} MB/s); the ${parsedFiles.length} files goconc parses ${fmt(floorParsed.seconds)} s`);
  console.log(`goconc --jobs 1 minus start-up/discovery (${fmt(baseline.seconds)} s): ${fmt(mid(own))} s over the parsed files = ${fmt(overFloor.median)}× the parse floor (rounds ${fmt(overFloor.min)}–${fmt(overFloor.max)}×)`);
  if (sg) console.log(`ast-grep scan (3 equivalent rules): ${fmt(sg.seconds)} s, peak RSS ${fmt(sg.rssMB, 0)} MB; goconc --jobs 2 ${fmt(overSg.median)}× faster (rounds ${fmt(overSg.min)}–${fmt(overSg.max)}×)`);
  else console.log('ast-grep: not installed (npm i -D @ast-grep/cli)');

  const checks = [
    ['goconc scan ≥ 1.5× faster than ast-grep', overSg ? overSg.median : NaN, (r) => r >= 1.5],
    ['within 1.3× of the parse floor over the files it parses', overFloor.median, (r) => r <= 1.3],
    ['--jobs 2 ≥ 1.7× faster than --jobs 1', speedup.median, (r) => r >= 1.7],
    ['peak RSS < 400 MB', Math.max(j1.rssMB, j2.rssMB), (r) => r < 400],
    ['identical findings for --jobs 1 and --jobs 2', sameFindings ? 1 : 0, (r) => r === 1],
  ];
  console.log('targets:');
  for (const [what, value, ok] of checks) console.log(`  ${ok(value) ? 'met    ' : 'NOT met'}  ${what} (${fmt(value)})`);
}

console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.availableParallelism()} cores, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB; node ${process.version}; ${os.platform()} ${os.release()}`);
if (!existsSync(join(repo, 'dist', 'src', 'cli', 'main.js'))) spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
// Outside the repository: its .gitignore (node_modules/) would hide the corpus from goconc.
const corpus = generateCorpus(join(os.tmpdir(), 'goconc-bench', 'corpus-v4'));
benchTree('generated monorepo', corpus);
for (const extra of process.argv.slice(2)) benchTree(extra, extra);
