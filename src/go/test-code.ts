/**
 * Whether a file is test code by where it is: a `_test.go` file, or a file under a directory of
 * tests (`tests/`, `test/`, `e2e/`, `testutil/`, `testing/`: end-to-end suites and their helpers,
 * test doubles among them, which build as ordinary packages). Code that exercises goroutines there means to, and a panic fails the run.
 */
export function inTestCode(path: string): boolean {
  return path.endsWith('_test.go') || /(^|\/)(tests?|e2e|testutils?|testing)\//.test(path);
}
