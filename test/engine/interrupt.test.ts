import { EventEmitter } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { exitStatusOf, watchInterruption } from '../../src/engine/interrupt.js';

/** A stand-in for `process`: signals are emitted by hand, exit is recorded. */
const fakeProcess = () => Object.assign(new EventEmitter(), { exit: vi.fn() }) as unknown as NodeJS.Process & { exit: ReturnType<typeof vi.fn> };

describe('interruption', () => {
  it('gives the pending value when no signal comes, and the signal when one comes first', async () => {
    const proc = fakeProcess();
    const watch = watchInterruption(proc);
    expect(await watch.race(Promise.resolve('record 1'))).toBe('record 1');
    const slow = new Promise<string>((resolve) => setTimeout(() => resolve('record 2'), 50));
    const raced = watch.race(slow);
    proc.emit('SIGTERM', 'SIGTERM');
    expect(await raced).toBe('SIGTERM');
    expect(await watch.race(Promise.resolve('record 3'))).toBe('SIGTERM'); // stays stopped
    expect(proc.exit).not.toHaveBeenCalled();
    proc.emit('SIGINT', 'SIGINT'); // a second signal ends the process at once
    expect(proc.exit).toHaveBeenCalledWith(143);
    watch.dispose();
    expect(proc.listenerCount('SIGINT') + proc.listenerCount('SIGTERM')).toBe(0);
    expect([exitStatusOf('SIGINT'), exitStatusOf('SIGTERM')]).toEqual([130, 143]);
  });

  it('does not keep the values it has passed on alive (a record of every file, over a whole archive)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const watch = watchInterruption(fakeProcess());
    const refs: WeakRef<Uint8Array>[] = [];
    for (let i = 0; i < 20; i++) {
      const record = new Uint8Array(64 * 1024);
      refs.push(new WeakRef(record));
      await watch.race(Promise.resolve(record));
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(refs.filter((r) => r.deref() !== undefined).length).toBeLessThanOrEqual(1);
    watch.dispose();
  });
});
