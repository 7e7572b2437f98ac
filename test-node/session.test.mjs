// The overlay's session (src/session.ts) alone, in Node with no DOM: every phase change goes
// through the table, show() promises always settle, and a close fires the events of contract
// section 5 in their order.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { can, next } from '../src/phase.ts';
import { Session } from '../src/session.ts';

/** A host that records what the session asks of it. */
function harness({ ready = true } = {}) {
  const log = [];
  const host = {
    ready,
    canOpen: () => host.ready,
    shown: () => log.push('shown'),
    hidden: () => log.push('hidden'),
    fire: (type, detail) => log.push(`${type} ${JSON.stringify(detail)}`),
    changed: () => {},
  };
  return { session: new Session(host), host, log };
}

const settled = (promise) => Promise.race([promise, new Promise((r) => setImmediate(() => r('pending')))]);

describe('the phase table', () => {
  const phases = ['closed', 'editing', 'verifying', 'dispatching', 'saving'];
  const events = ['open', 'check', 'dispatch', 'wait', 'settle', 'close'];
  const allowed = {
    closed: { open: 'editing' },
    editing: { check: 'verifying', dispatch: 'dispatching', close: 'closed' },
    verifying: { settle: 'editing', dispatch: 'dispatching', close: 'closed' },
    dispatching: { settle: 'editing', wait: 'saving', close: 'closed' },
    saving: { settle: 'editing', close: 'closed' },
  };
  for (const phase of phases) {
    for (const event of events) {
      const to = allowed[phase][event];
      test(`${phase} + ${event} → ${to ?? 'refused'}`, () => {
        assert.equal(can(phase, event), Boolean(to));
        if (to) assert.equal(next(phase, event), to);
        else assert.throws(() => next(phase, event), /no ".*" while/);
      });
    }
  }
});

describe('Session', () => {
  test('open() opens at once when the host is ready and resolves true; again while open resolves true', async () => {
    const { session, log } = harness();
    const opened = session.open();
    assert.equal(session.phase, 'editing');
    assert.equal(session.wanted, true);
    assert.deepEqual(log, ['shown']);
    assert.equal(await opened, true);
    assert.equal(await session.open(), true);
    assert.deepEqual(log, ['shown']);
  });

  test('open() waits for the host; ready() opens it then', async () => {
    const { session, host, log } = harness({ ready: false });
    const opened = session.open();
    assert.equal(session.phase, 'closed');
    assert.equal(await settled(opened), 'pending');
    host.ready = true;
    session.ready();
    assert.equal(await opened, true);
    assert.deepEqual(log, ['shown']);
  });

  test('close() before the host was ready resolves every waiting show() false, fires nothing, and ready() then opens nothing', async () => {
    const { session, host, log } = harness({ ready: false });
    const a = session.open();
    const b = session.open();
    session.close('api');
    assert.deepEqual(await Promise.all([a, b]), [false, false]);
    assert.equal(session.wanted, false);
    host.ready = true;
    session.ready();
    assert.equal(session.phase, 'closed');
    assert.deepEqual(log, []);
  });

  test('removal before opening resolves show() false but keeps the wish: connected again, it opens', async () => {
    const { session, host, log } = harness({ ready: false });
    const opened = session.open();
    session.removed();
    assert.equal(await opened, false);
    assert.equal(session.wanted, true);
    host.ready = true;
    session.ready();
    assert.equal(session.phase, 'editing');
    assert.deepEqual(log, ['shown']);
  });

  test('close() while the user can type: credential-cancel (api), then credential-close (api, api)', () => {
    const { session, log } = harness();
    session.open();
    session.close('api');
    assert.equal(session.phase, 'closed');
    assert.deepEqual(log, ['shown', 'hidden', 'credential-cancel {"source":"api"}', 'credential-close {"reason":"api","source":"api"}']);
  });

  test('a cancel the user asked for names its source in both events', () => {
    for (const source of ['cancel-button', 'close-button', 'escape']) {
      const { session, log } = harness();
      session.open();
      session.requestClose(source, () => true);
      assert.deepEqual(log.slice(2), [`credential-cancel {"source":"${source}"}`, `credential-close {"reason":"cancel","source":"${source}"}`]);
    }
  });

  test('requestClose: refused by the host, or while saving, keeps it open; during a check it aborts and cancels without asking', () => {
    const refused = harness();
    refused.session.open();
    refused.session.requestClose('escape', () => false);
    assert.equal(refused.session.phase, 'editing');

    const saving = harness();
    saving.session.open();
    saving.session.dispatch(() => {});
    saving.session.wait();
    let asked = false;
    saving.session.requestClose('escape', () => (asked = true));
    assert.equal(saving.session.phase, 'saving');
    assert.equal(asked, false);

    const checking = harness();
    checking.session.open();
    const signal = checking.session.signal;
    checking.session.check();
    checking.session.requestClose('cancel-button', () => assert.fail('no question during a check'));
    assert.equal(signal.aborted, true);
    assert.deepEqual(checking.log.slice(2), ['credential-cancel {"source":"cancel-button"}', 'credential-close {"reason":"cancel","source":"cancel-button"}']);
  });

  test('close() during a check or a busy save fires only credential-close; the session signal aborts', () => {
    for (const busy of [(s) => s.check(), (s) => (s.dispatch(() => {}), s.wait())]) {
      const { session, log } = harness();
      session.open();
      const signal = session.signal;
      busy(session);
      session.close('api');
      assert.equal(signal.aborted, true);
      assert.deepEqual(log.slice(1), ['hidden', 'credential-close {"reason":"api","source":"api"}']);
    }
  });

  test('a close during the dispatch fires credential-close after the dispatch, never inside it', () => {
    const { session, log } = harness();
    session.open();
    session.dispatch(() => {
      session.close('api');
      log.push('listener done');
    });
    assert.deepEqual(log, ['shown', 'hidden', 'listener done', 'credential-close {"reason":"api","source":"api"}']);
  });

  test('a saved close: settle, then close with reason saved and source save, and no cancel', () => {
    const { session, log } = harness();
    session.open();
    session.dispatch(() => {});
    session.settle();
    session.close('saved', 'save');
    assert.deepEqual(log, ['shown', 'hidden', 'credential-close {"reason":"saved","source":"save"}']);
  });

  test('removal while open closes silently', () => {
    const { session, log } = harness();
    session.open();
    session.removed();
    assert.equal(session.phase, 'closed');
    assert.deepEqual(log, ['shown', 'hidden']);
  });

  test('illegal steps throw: a second dispatch, a wait while editing, a settle while closed', () => {
    const { session } = harness();
    assert.throws(() => session.settle());
    session.open();
    assert.throws(() => session.wait());
    session.dispatch(() => assert.throws(() => session.dispatch(() => {})));
  });

  test('each session has its own signal', () => {
    const { session } = harness();
    session.open();
    const first = session.signal;
    session.close('api');
    session.open();
    assert.equal(first.aborted, true);
    assert.equal(session.signal.aborted, false);
  });

  test('the platform closing the dialog: a cancel by Escape while editing; while saving it must show again', () => {
    const a = harness();
    a.session.open();
    assert.equal(a.session.closedByPlatform(), true);
    assert.deepEqual(a.log.slice(2), ['credential-cancel {"source":"escape"}', 'credential-close {"reason":"cancel","source":"escape"}']);
    const b = harness();
    b.session.open();
    b.session.dispatch(() => {});
    b.session.wait();
    assert.equal(b.session.closedByPlatform(), false);
    assert.equal(b.session.phase, 'saving');
  });
});
