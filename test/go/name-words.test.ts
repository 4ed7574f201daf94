import { describe, expect, it } from 'vitest';
import { nameWords } from '../../src/go/name-words.js';

describe('nameWords', () => {
  it.each([
    ['stopCh', ['stop', 'Ch']],
    ['HTTPServer', ['HTTP', 'Server']],
    ['shutdown_chan', ['shutdown', 'chan']],
    ['sha256Sum', ['sha256', 'Sum']],
    ['readyCH', ['ready', 'CH']],
    ['SQLExec', ['SQL', 'Exec']],
    ['__x', ['x']],
    ['done', ['done']],
  ])('%s', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});
