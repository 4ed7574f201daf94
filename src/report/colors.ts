import pc from 'picocolors';

export type ColorMode = 'auto' | 'always' | 'never';
export type Colors = ReturnType<typeof pc.createColors>;

/** Colours on a TTY unless NO_COLOR is set; `always`/`never` override both. */
export function colorsFor(mode: ColorMode, stream: NodeJS.WriteStream): Colors {
  const enabled = mode === 'always' || (mode === 'auto' && !!stream.isTTY && !('NO_COLOR' in process.env));
  return pc.createColors(enabled);
}

/** A unified diff with + lines green, - lines red and hunk headers cyan. */
export function colorDiff(diff: string, c: Colors): string {
  return diff
    .split('\n')
    .map((l) => {
      if (l.startsWith('+++') || l.startsWith('---') || l.startsWith('diff --git')) return c.bold(l);
      if (l.startsWith('+')) return c.green(l);
      if (l.startsWith('-')) return c.red(l);
      if (l.startsWith('@@')) return c.cyan(l);
      return l;
    })
    .join('\n');
}
