import type { CodemodOption } from '../engine/types.js';

export function optionType(o: CodemodOption): NonNullable<CodemodOption['type']> {
  if (o.type) return o.type;
  if (typeof o.default === 'boolean') return 'boolean';
  if (typeof o.default === 'number') return 'number';
  if (Array.isArray(o.default)) return 'list';
  return 'string';
}

/**
 * Check and convert a value for an option (from YAML or a flag's text). Returns the value, or an
 * error sentence such as `expected a number, got "eight"`.
 */
export function coerceOption(o: CodemodOption, value: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  const type = optionType(o);
  const got = JSON.stringify(value);
  switch (type) {
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      if (value === 'true' || value === 'false') return { ok: true, value: value === 'true' };
      return { ok: false, error: `expected true or false, got ${got}` };
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (Number.isInteger(n) && n > 0) return { ok: true, value: n };
      return { ok: false, error: `expected a positive whole number, got ${got}` };
    }
    case 'list': {
      const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : undefined;
      if (list && list.every((v) => typeof v === 'string')) return { ok: true, value: list };
      return { ok: false, error: `expected a list of names, got ${got}` };
    }
    case 'string': {
      const text = typeof value === 'number' ? String(value) : value;
      if (typeof text !== 'string' || text === '') return { ok: false, error: `expected a value, got ${got}` };
      if (o.choices && !o.choices.includes(text)) return { ok: false, error: `expected one of ${o.choices.join(', ')}, got ${got}` };
      return { ok: true, value: text };
    }
  }
}
