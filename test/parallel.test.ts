// Worker scheduling: each worker keeps to one front end (ARM JSON or Bicep) while it has files of
// it, so a thread warms up only the code it runs; then it helps with what is left elsewhere.
import { expect, test } from 'vitest';
import { TaskQueues, type WorkerTask } from '../src/engine/parallel.js';

const task = (index: number, group: number): WorkerTask => ({ index, path: `f${index}`, explicit: false, group });

test('workers keep to their group in file order, then take from the group with the most left', () => {
  const q = new TaskQueues([task(0, 0), task(1, 1), task(2, 0), task(3, 0), task(4, 0), task(5, 1)]);
  expect(q.take(1)?.index).toBe(1);
  expect(q.take(1)?.index).toBe(5);
  // Group 1 is done: worker 1 helps with group 0.
  expect(q.take(1)?.index).toBe(0);
  expect(q.take(0)?.index).toBe(2);
  // A third worker shares group 0 (2 % 2).
  expect(q.take(2)?.index).toBe(3);
  expect(q.take(0)?.index).toBe(4);
  expect(q.take(0)).toBeUndefined();
  expect(q.take(1)).toBeUndefined();
});

test('one group, or none', () => {
  const q = new TaskQueues([task(0, 1), task(1, 1)]);
  expect([q.take(0)?.index, q.take(1)?.index, q.take(0)]).toEqual([0, 1, undefined]);
  expect(new TaskQueues([]).take(3)).toBeUndefined();
});
