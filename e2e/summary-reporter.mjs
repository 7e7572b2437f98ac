// A node:test reporter that prints one plain closing line, `N passed, N failed, N skipped`,
// for CI to read. Use it next to a human reporter:
//   node --test --test-reporter=spec --test-reporter-destination=stdout \
//        --test-reporter=./e2e/summary-reporter.mjs --test-reporter-destination=stdout e2e/
export default async function* summary(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { details, skip, todo, nesting, name, file } = event.data;
    // Suites and the per-file wrapper are not tests of their own.
    if (details?.type === 'suite') continue;
    if (nesting === 0 && file && name === file) continue;
    if (skip || todo) skipped++;
    else if (event.type === 'test:pass') passed++;
    else failed++;
  }
  yield `${passed} passed, ${failed} failed, ${skipped} skipped\n`;
}
