import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Redraws } from '../cluster/redraws';
import { settle } from './fixtures';

// context:admin > ns:admin/shop > group:admin/shop/WORKLOADS; context:viewer apart.
const PARENTS: Record<string, string> = {
  'ns:admin/shop': 'context:admin',
  'group:admin/shop/WORKLOADS': 'ns:admin/shop',
};

function redraws() {
  const drawn: (string[] | undefined)[] = [];
  const queue = new Redraws(
    (id) => PARENTS[id],
    (ids) => drawn.push(ids),
  );
  return { queue, drawn };
}

describe('Redraws', () => {
  it('redraws changed rows at once when the view waits for nothing, gathered', async () => {
    const { queue, drawn } = redraws();
    queue.changed(['group:admin/shop/WORKLOADS']);
    queue.changed(['context:viewer']);
    await settle();
    assert.deepEqual(drawn, [['group:admin/shop/WORKLOADS', 'context:viewer']]);
  });

  it('holds a row back while the view waits for its children or those of a row under it', async () => {
    const { queue, drawn } = redraws();
    const done = queue.load('ns:admin/shop');
    queue.changed(['context:admin', 'ns:admin/shop', 'context:viewer']);
    await settle();
    assert.deepEqual(drawn, [['context:viewer']], 'rows elsewhere are redrawn meanwhile');
    queue.changed(['group:admin/shop/WORKLOADS']);
    await settle();
    assert.deepEqual(drawn.at(-1), ['group:admin/shop/WORKLOADS'], 'rows below may be redrawn');
    done();
    await settle();
    assert.deepEqual(drawn.at(-1), ['context:admin', 'ns:admin/shop']);
  });

  it('redraws everything only when nothing loads', async () => {
    const { queue, drawn } = redraws();
    const first = queue.load('group:admin/shop/WORKLOADS');
    const second = queue.load('group:admin/shop/WORKLOADS');
    queue.changed(undefined);
    first();
    first(); // once only
    await settle();
    assert.deepEqual(drawn, []);
    second();
    await settle();
    assert.deepEqual(drawn, [undefined]);
  });

  it('holds every row back while the contexts load', async () => {
    const { queue, drawn } = redraws();
    const done = queue.load(undefined);
    queue.changed(['context:viewer']);
    await settle();
    assert.deepEqual(drawn, []);
    done();
    await settle();
    assert.deepEqual(drawn, [['context:viewer']]);
  });
});
