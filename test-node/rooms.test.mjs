// Issue 23's rooms: each element's class file stays small enough to read in one sitting;
// its state lives in controllers (session, form, modal, save, connect, roving, deletes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const limits = { 'src/credential-overlay.ts': 350, 'src/credential-picker.ts': 300 };

for (const [file, most] of Object.entries(limits)) {
  test(`${file} is at most ${most} lines`, () => {
    const lines = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    assert.ok(lines.length <= most, `${file} has ${lines.length} lines; move state into a controller (src/session.ts, src/form-controller.ts, …)`);
  });
}
