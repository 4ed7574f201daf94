import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useState, type Theme } from '@inquirer/core';

export interface KeyChoice {
  key: string;
  /** What the key does, shown by `?`. */
  help: string;
}

export interface KeyPromptConfig {
  message: string;
  choices: KeyChoice[];
  /** Key taken on Enter; shown in upper case. */
  default: string;
}

/**
 * One keystroke answers, as in `git add -p`: `[Y,n,a,d,e,q,?]`. Enter takes the default; `?`
 * lists what each key does; any other key is refused with a hint.
 */
export const keyPrompt = createPrompt<string, KeyPromptConfig>((config, done) => {
  const theme = makeTheme<Theme>({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [answer, setAnswer] = useState('');
  const [showHelp, setShowHelp] = useState(false);
  const [error, setError] = useState('');
  const prefix = usePrefix({ status, theme });

  useKeypress((key, rl) => {
    const typed = ((key as { sequence?: string }).sequence ?? key.name ?? '').trim();
    rl.clearLine(0);
    let chosen: string | undefined;
    if (isEnterKey(key)) chosen = config.default;
    else if (typed === '?') {
      setShowHelp(!showHelp);
      setError('');
      return;
    } else chosen = config.choices.find((ch) => ch.key === typed.toLowerCase())?.key;
    if (!chosen) {
      setError(`"${typed}" is not a choice: press ? for help`);
      return;
    }
    setAnswer(chosen);
    setStatus('done');
    done(chosen);
  });

  const keys = [...config.choices.map((ch) => (ch.key === config.default ? ch.key.toUpperCase() : ch.key)), '?'].join(',');
  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(answer)}`;
  const help = showHelp ? '\n' + [...config.choices, { key: '?', help: 'show or hide this help' }].map((ch) => `  ${ch.key} - ${ch.help}`).join('\n') : '';
  const err = error ? `\n${theme.style.error(error)}` : '';
  return [`${prefix} ${message} [${keys}] ${help}${err}`, ''];
});
