import type { FileContext } from '../../src/engine/types.js';
import { everyCalledBody, parameterTypeIn } from '../../src/go/called-functions.js';
import { functionTexts, importedModuleTexts, methodTexts } from '../../src/go/module-packages.js';
import { receiverInText } from '../../src/go/receiver-types.js';
import { ancestors, type Node } from '../../src/go/syntax.js';

/**
 * A lock a function's text takes without a deferred unlock (`c.mu.Lock()` … `c.mu.Unlock()`):
 * a panic between the two leaves it held.
 */
export function lockNotDeferred(text: string): string | undefined {
  // On a name, an indexed value or a call's result (`cache.locks[segID].Lock()`: freecache's segments).
  for (const m of text.matchAll(/((?:[\w.]|\[[^\]\n]*\]|\(\))+)\.(R?)Lock\(\)/g)) {
    const unlock = `${m[1]}.${m[2]}Unlock()`;
    const deferred = text.split(/\bdefer\b/).slice(1).some((after) => after.trimStart().startsWith(unlock) || (after.trimStart().startsWith('func') && after.slice(0, after.indexOf('}()')).includes(unlock)));
    if (!deferred) return m[0];
  }
  return undefined;
}

/**
 * A method of another package of the module, called by the goroutine or by a function of the
 * package it reaches on a field of the receiver or a parameter declared of that package's type
 * (`r.cache.Load(…)`, `ms.log.Noticef(…)`), that takes a lock without a deferred unlock, itself
 * or through a method of its own receiver it calls: go-gost's resolver cache and
 * nats-streaming's logger, whose locks a recovered panic left held. A method called through an
 * interface is looked for under any receiver of the package. Why, as a refusal's reason.
 */
export function lockInModulePackage(calls: Node[], body: Node, ctx: FileContext): string | undefined {
  const index = ctx.packageIndex();
  const around = ancestors(body).find((a) => a.type === 'method_declaration' || a.type === 'function_declaration');
  const reached = [{ text: body.text, owner: around?.text ?? '' }, ...everyCalledBody(calls, index).map((b) => ({ text: b.body.text, owner: b.body.parent?.text ?? '' }))];
  for (const { text, owner } of reached) {
    const own = receiverInText(owner);
    const signature = owner.slice(0, owner.indexOf('{'));
    for (const m of text.matchAll(/(?<![\w.])(\w+)(?:\.(\w+))?\.(\w+)\(/g)) {
      const [, x, f, method] = m;
      const field = f && own?.name === x ? index.fieldsOf(own.type).find((d) => d.name === f)?.type : undefined;
      const param = !f ? parameterTypeIn(signature, x) : undefined;
      const typed = /^\*?(\w+)\.(\w+)$/.exec((field ?? param ?? '').trim());
      if (!typed) continue;
      const [, alias, type] = typed;
      const texts = importedModuleTexts(alias, index.allTexts(), ctx.path);
      if (!texts) continue;
      const lock = lockThrough(texts, method, type);
      if (lock) return `the goroutine reaches ${m[0]}…), a method of package ${alias} of this module (${lock.where}), which runs ${lock.lock} without a deferred unlock: after a recovered panic the lock would stay held, and every later Lock would hang where the process used to crash`;
    }
  }
  return undefined;
}

/**
 * A lock without a deferred unlock in the package's methods named `method` (of `type`, or of any
 * type for an interface's), or in what they call of the package, a few calls deep, by name: a
 * method on their receiver (of its type), on any other value (`pt.ForceMergeAllParts()` of each
 * partition, of any type declaring it), or a function (VictoriaMetrics' force merge reached
 * `getAllPartsForMerge`, whose `partsLock` a recovered BUG panic left held).
 */
function lockThrough(texts: string[], method: string, type: string): { lock: string; where: string } | undefined {
  const declared = methodTexts(texts, method, type);
  let level = (declared.length > 0 ? declared : methodTexts(texts, method)).map((text) => ({ text, where: `${receiverInText(text)?.type ?? type}.${method}` }));
  const seen = new Set<string>([`${type}.${method}`]);
  let followed = level.length;
  for (let depth = 0; depth < FOLLOWED_CALLS && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { text, where } of level) {
      const lock = lockNotDeferred(text);
      if (lock) return { lock, where };
      const recv = receiverInText(text);
      for (const [, on, name] of text.matchAll(/(?<![\w.])(?:([\w.]+)\.)?(\w+)\(/g)) {
        const key = `${on === undefined ? '' : on === recv?.name ? recv.type : '*'}.${name}`;
        if (seen.has(key) || followed > MAX_BODIES) continue;
        seen.add(key);
        const bodies = on === undefined ? functionTexts(texts, name) : on === recv?.name ? methodTexts(texts, name, recv.type) : methodTexts(texts, name);
        followed += bodies.length;
        next.push(...bodies.map((b) => ({ text: b, where: `${where}, through ${name}` })));
      }
    }
    level = next;
  }
  return undefined;
}

/** How many calls deep, and how many functions at most, the methods of another package are followed. */
const FOLLOWED_CALLS = 4;
const MAX_BODIES = 40;
