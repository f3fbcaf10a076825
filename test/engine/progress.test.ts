import { describe, expect, it } from 'vitest';
import { barLine, clock, ESTIMATE_MIN_FILES, ESTIMATE_MIN_SECONDS, progress, type ProgressStream } from '../../src/engine/progress.js';

/** A clock the test moves, a timer the test fires, and what was written. */
function harness(stream: { isTTY: boolean; columns?: number }) {
  let t = 1_000;
  const written: string[] = [];
  const timers: { ms: number; fn: () => void; stopped: boolean }[] = [];
  const out: ProgressStream = { ...stream, write: (s: string) => written.push(s) };
  return {
    written,
    timers,
    out,
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
    repeat(ms: number, fn: () => void) {
      const timer = { ms, fn, stopped: false };
      timers.push(timer);
      return () => void (timer.stopped = true);
    },
  };
}

describe('progress on a terminal', () => {
  for (const columns of [40, 120]) {
    it(`fits a ${columns}-column terminal: every redraw returns to the line's start, clears it, and is shorter than the width`, () => {
      const h = harness({ isTTY: true, columns });
      const p = progress({ total: 2000, quiet: false, stream: h.out, now: h.now, repeat: h.repeat });
      for (let i = 0; i < 2000; i++) {
        h.advance(150);
        p.tick(i % 100 === 0);
      }
      p.done();
      const draws = h.written.slice(0, -1);
      expect(draws.length).toBeGreaterThan(100);
      for (const draw of draws) {
        expect(draw.startsWith('\r')).toBe(true);
        expect(draw.endsWith('\x1b[K')).toBe(true);
        const shown = draw.slice(1, -3);
        expect(shown).not.toMatch(/[\r\n]/); // redrawn in place, never a new line
        expect(shown.length).toBeLessThan(columns); // never wraps
      }
      expect(h.written.at(-1)).toBe('\n');
      const last = draws.at(-1)!.slice(1, -3);
      expect(last).toContain('2000/2000');
      if (columns === 120) expect(last).toMatch(/^\[#{24}\] 2000\/2000 6\.7\/s 05:00 left 00:00 failed 20$/);
      else expect(last).toBe('[######] 2000/2000 left 00:00 failed 20'); // narrow: no rate, no elapsed time, a shorter bar
      expect(h.timers).toHaveLength(0); // a terminal is redrawn on ticks, no timer
    });
  }

  it('keeps a failed input\'s message on a line of its own and draws the bar again under it', () => {
    const h = harness({ isTTY: true, columns: 80 });
    const p = progress({ total: 3, quiet: false, stream: h.out, now: h.now, repeat: h.repeat });
    h.advance(200);
    p.tick(false);
    p.say('a.pdf: corrupt-pdf: the file is not a PDF\n');
    expect(h.written.slice(-2)).toEqual(['\r\x1b[Ka.pdf: corrupt-pdf: the file is not a PDF\n', expect.stringMatching(/^\r\[#+\.+\] 1\/3 /)]);
  });

  it('shows no time left before the evidence for one, then the rate since the first file', () => {
    const state = { total: 1000, done: ESTIMATE_MIN_FILES - 1, failed: 0, start: 0, firstAt: 5_000 };
    // Long enough, too few files: no estimate.
    expect(barLine(state, 60_000, 120)).toContain('left --:--');
    // Enough files, too early: none either (a burst of the first chunk is no rate).
    expect(barLine({ ...state, done: 200 }, ESTIMATE_MIN_SECONDS * 1000 - 1, 120)).toContain('left --:--');
    // 201 files, the first at 5 s, at 45 s: 200 files in 40 s, 5 files/s, 799 left: 160 s.
    expect(barLine({ ...state, done: 201 }, 45_000, 120)).toContain('left 02:40');
  });
});

describe('progress off a terminal (a log file, a pipe)', () => {
  it('writes a line every 10 s from a timer, files or not, with no time left until there is evidence', () => {
    const h = harness({ isTTY: false });
    const p = progress({ total: 500, quiet: false, stream: h.out, now: h.now, repeat: h.repeat });
    expect(h.timers.map((x) => x.ms)).toEqual([10_000]);
    const fire = () => h.timers[0]!.fn();
    // The workers start: 10 s and no file done yet; a line all the same.
    h.advance(10_000);
    fire();
    expect(h.written).toEqual(['vnreform: 0/500 files (0%), 0.0 files/s, elapsed 00:10, time left not known yet, failed 0\n']);
    // 12 s: a first chunk of 20 at once.
    h.advance(2_000);
    for (let i = 0; i < 20; i++) p.tick(i === 3);
    h.advance(8_000);
    fire();
    expect(h.written[1]).toBe('vnreform: 20/500 files (4%), 1.0 files/s, elapsed 00:20, time left not known yet, failed 1\n');
    // Then a file every 0.5 s. At 30 s, 40 files done, 39 of them in the 18 s since the first:
    // 2.17 files/s, 460 left: 212 s. At 40 s, 59 in 28 s: 2.11 files/s, 440 left: 209 s.
    for (const expected of [
      'vnreform: 40/500 files (8%), 1.3 files/s, elapsed 00:30, about 03:32 left, failed 1\n',
      'vnreform: 60/500 files (12%), 1.5 files/s, elapsed 00:40, about 03:29 left, failed 1\n',
    ]) {
      for (let i = 0; i < 20; i++) {
        h.advance(500);
        p.tick(false);
      }
      fire();
      expect(h.written.at(-1)).toBe(expected);
    }
    expect(h.written).toHaveLength(4); // ticks alone write nothing
    p.done();
    expect(h.timers[0]!.stopped).toBe(true);
  });

  it('prints a failed input\'s message as it is, and nothing at all with --quiet', () => {
    const h = harness({ isTTY: false });
    const p = progress({ total: 5, quiet: false, stream: h.out, now: h.now, repeat: h.repeat });
    p.say('x.txt: empty-file: the file is empty (0 bytes)\n');
    expect(h.written).toEqual(['x.txt: empty-file: the file is empty (0 bytes)\n']);
    const quiet = harness({ isTTY: true, columns: 80 });
    const q = progress({ total: 5, quiet: true, stream: quiet.out, now: quiet.now, repeat: quiet.repeat });
    q.tick(false);
    q.say('x\n');
    q.done();
    expect([quiet.written, quiet.timers]).toEqual([[], []]);
  });

  it('formats clock times', () => {
    expect(clock(3725)).toBe('1:02:05');
    expect(clock(59.6)).toBe('01:00');
  });
});
