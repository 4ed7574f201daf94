// Builds a synthetic monorepo of realistic Go for the benchmark: several modules, mostly
// ordinary code (types, methods, HTTP handlers, loops, errors), some files with the legacy
// concurrency patterns goconc rewrites. Deterministic: the same arguments give the same bytes.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

const NOUNS = ['order', 'user', 'invoice', 'session', 'node', 'pod', 'secret', 'event', 'job', 'tenant', 'report', 'metric', 'queue', 'shard', 'lease'];
const cap = (s) => s[0].toUpperCase() + s.slice(1);

function ordinary(rand, pkg, i, extra = { imports: [], code: '' }) {
  const n = NOUNS[Math.floor(rand() * NOUNS.length)];
  const T = `${cap(n)}${i}`;
  // Struct fields aligned as gofmt aligns them.
  const rows = Array.from({ length: 4 + Math.floor(rand() * 6) }, (_, k) => [`${cap(NOUNS[(k + i) % NOUNS.length])}${k}`, ['string', 'int', 'int64', 'bool', 'time.Time', '[]string', 'map[string]int'][k % 7], `\`json:"${NOUNS[(k + i) % NOUNS.length]}_${k}"\``]);
  const width = (c) => Math.max(...rows.map((r) => r[c].length));
  const fields = rows.map(([name, type, tag]) => `\t${name.padEnd(width(0))} ${type.padEnd(width(1))} ${tag}`);
  const methods = Array.from({ length: 13 + Math.floor(rand() * 14) }, (_, k) => `
// Validate${k} checks the ${n} for request ${k}.
func (x *${T}) Validate${k}(limit int) error {
	if x == nil {
		return errors.New("nil ${n}")
	}
	total := 0
	for i := 0; i < limit; i++ {
		if i%${k + 2} == 0 {
			total += i
			continue
		}
		total -= i / 2
	}
	if total > limit*${k + 3} {
		return fmt.Errorf("${n} %d: total %d over limit %d", ${k}, total, limit)
	}
	return nil
}`).join('\n');
  return `// Package ${pkg} handles ${n} records.
package ${pkg}

import (
${[...new Set(['encoding/json', 'errors', 'fmt', 'net/http', 'strings', 'time', ...extra.imports])].sort().map((p) => `\t"${p}"`).join('\n')}
)

// ${T} is one ${n} as stored.
type ${T} struct {
${fields.join('\n')}
}
${methods}

// Handle${T} serves ${n} lookups over HTTP.
func Handle${T}(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/${n}/")
	if name == "" {
		http.Error(w, "missing name", http.StatusBadRequest)
		return
	}
	item := &${T}{}
	if err := item.Validate0(len(name)); err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"name": name, "at": time.Now().UTC()})
}
${extra.code}`;
}

// The legacy patterns: each a function (and types) with the imports it needs, placed in a file
// of its own or at the end of an ordinary file, as real code has them.
const PATTERNS = [
  {
    imports: ['context', 'sync'],
    code: (i) => `
func Fanout${i}(ctx context.Context, items []string, out chan<- string) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out <- it
		}()
	}
	wg.Wait()
}
`,
  },
  {
    imports: ['sync'],
    code: (i) => `
type Conn${i} interface{ Close() error }

type Registry${i} struct {
	mu    sync.Mutex
	conns map[string]Conn${i}
}

func (r *Registry${i}) Drop(id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	c := r.conns[id]
	if c != nil {
		_ = c.Close()
	}
	delete(r.conns, id)
}
`,
  },
  {
    imports: ['time'],
    code: (i) => `
func Pump${i}(in <-chan int, handle func(int)) {
	t := time.NewTicker(time.Second)
	for {
		select {
		case v := <-in:
			handle(v)
		case <-t.C:
		case <-time.After(time.Minute):
			return
		}
	}
}
`,
  },
];

function patternFile(pkg, i) {
  const p = PATTERNS[i % PATTERNS.length];
  const imports = p.imports.length === 1 ? `import "${p.imports[0]}"` : `import (\n${p.imports.map((x) => `\t"${x}"`).join('\n')}\n)`;
  return `package ${pkg}\n\n${imports}\n${p.code(i)}`;
}

/** Write the corpus under dir (skipped when already complete); returns its root. */
export function generateCorpus(dir, { modules = 8, files = 6300, patternShare = 0.15, seed = 42 } = {}) {
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return dir;
  const rand = prng(seed);
  for (let m = 0; m < modules; m++) {
    const mod = join(dir, `svc${m}`);
    mkdirSync(mod, { recursive: true });
    writeFileSync(join(mod, 'go.mod'), `module example.com/mono/svc${m}\n\ngo 1.${20 + (m % 4)}\n`);
  }
  for (let i = 0; i < files; i++) {
    const m = i % modules;
    const pkg = `pkg${Math.floor(i / 12) % 60}`;
    const pdir = join(dir, `svc${m}`, 'internal', pkg);
    mkdirSync(pdir, { recursive: true });
    // Some ordinary files end with a legacy pattern; some packages have one in a file of its own.
    const p = PATTERNS[(i + 1) % PATTERNS.length];
    const inline = rand() < patternShare ? { imports: p.imports, code: p.code(`${i}x`) } : undefined;
    writeFileSync(join(pdir, `file${i}.go`), ordinary(rand, pkg, i, inline));
    if (rand() < patternShare) writeFileSync(join(pdir, `legacy${i}.go`), patternFile(pkg, i));
  }
  writeFileSync(marker, '');
  return dir;
}
