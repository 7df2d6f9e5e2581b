import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { confirmed, deleteReplayConfirmation } from '../cluster/confirm';
import { replayNode } from '../cluster/resources';
import { contextItems, namespaceItems, typedNamespace } from '../cluster/pickers';

const SHOP = { context: 'admin', namespace: 'shop' };

describe('deleting a replay', () => {
  it('asks by name and place, and warns when the replay still runs', () => {
    const running = deleteReplayConfirmation(
      replayNode(SHOP, { name: 'nightly', phase: 'Running', ready: false }),
    );
    assert.equal(running.message, 'Delete the replay nightly?');
    assert.match(running.detail, /from namespace shop of admin\./);
    assert.match(running.detail, /It is still running: deleting it stops the replay\./);
    const done = deleteReplayConfirmation(
      replayNode(SHOP, { name: 'nightly', phase: 'Complete', ready: true }),
    );
    assert.doesNotMatch(done.detail, /still/);
  });

  it('goes ahead only on the Delete button, not on Cancel or closing the dialog', () => {
    const confirmation = deleteReplayConfirmation(
      replayNode(SHOP, { name: 'nightly', ready: false }),
    );
    assert.equal(confirmed(confirmation, 'Delete'), true);
    assert.equal(confirmed(confirmation, undefined), false);
    assert.equal(confirmed(confirmation, 'Cancel'), false);
  });
});

describe('the switch pickers', () => {
  it('offer the current context first and marked', () => {
    const items = contextItems({
      contexts: [
        {
          name: 'viewer',
          cluster: 'c',
          user: 'v',
          authKind: 'TOKEN',
          namespace: 'default',
          current: false,
          sourceFile: 'f',
        },
        {
          name: 'admin',
          cluster: 'c',
          user: 'a',
          authKind: 'TOKEN',
          namespace: 'default',
          current: true,
          sourceFile: 'f',
        },
      ],
      currentContext: 'admin',
      kubeconfigFiles: ['f'],
    });
    assert.deepEqual(
      items.map((item) => [item.value, item.picked ?? false]),
      [
        ['admin', true],
        ['viewer', false],
      ],
    );
    assert.equal(items[0]?.description, 'default · c (current)');
  });

  it('offer the namespace shown first, then the others', () => {
    const items = namespaceItems({ namespaces: ['default', 'shop'], fallback: false }, 'shop');
    assert.deepEqual(
      items.map((item) => item.value),
      ['shop', 'default'],
    );
    assert.equal(items[0]?.description, 'shown first');
  });

  it('take a typed namespace name that matches no item, if it is a valid name', () => {
    const items = namespaceItems({ namespaces: ['default'], fallback: true }, 'default');
    assert.equal(typedNamespace('shop', items), 'shop');
    assert.equal(typedNamespace(' default ', items), undefined);
    assert.equal(typedNamespace('Not_A_Name', items), undefined);
    assert.equal(typedNamespace('', items), undefined);
  });
});
