import { describe, expect, test } from 'vitest';
import { RunClock, type RunLimits } from '../../src/runner/page/run-clock.ts';

const LIMITS: RunLimits = {
	stuckAfterMs: 1000,
	maxRunMs: 10_000,
	startLimitMs: 60_000,
	maxTickMs: 400,
};

/** Ticks every `interval` ms from `from` to `to`, hearing from the worker where `heard` says. */
function tickUntil(
	clock: RunClock,
	from: number,
	to: number,
	interval: number,
	heard = () => false
) {
	for (let now = from + interval; now <= to; now += interval) {
		if (heard()) clock.heard();
		const verdict = clock.tick(now);
		if (verdict) return { verdict, at: now };
	}
	return undefined;
}

describe('RunClock', () => {
	test('a silent worker is stuck after the silence limit, ticking on time', () => {
		const clock = new RunClock(LIMITS, 0, false);
		expect(tickUntil(clock, 0, 5000, 200)).toEqual({ verdict: 'stuck', at: 1200 });
	});

	test('a tick that comes seconds late counts as one tick, not as seconds of silence', () => {
		const clock = new RunClock(LIMITS, 0, false);
		expect(clock.tick(200)).toBeUndefined();
		// The page could not look for three seconds; the heartbeats it missed arrive right after.
		expect(clock.tick(3200)).toBeUndefined();
		clock.heard();
		expect(tickUntil(clock, 3200, 3800, 200, () => true)).toBeUndefined();
	});

	test('on a machine so busy that every tick is late, a busy loop is still stopped', () => {
		const clock = new RunClock(LIMITS, 0, false);
		expect(tickUntil(clock, 0, 60_000, 2000)?.verdict).toBe('stuck');
	});

	test('a worker that keeps answering ends at the run limit, counted on the same clock', () => {
		const clock = new RunClock(LIMITS, 0, false);
		expect(tickUntil(clock, 0, 20_000, 200, () => true)).toEqual({
			verdict: 'too-long',
			at: 10_200,
		});
	});

	test('while Python starts, silence is expected; only the start limit applies', () => {
		const clock = new RunClock(LIMITS, 0, true);
		expect(tickUntil(clock, 0, 59_800, 200)).toBeUndefined();
		expect(clock.tick(60_200)).toBe('start-too-long');
		const started = new RunClock(LIMITS, 0, true);
		tickUntil(started, 0, 30_000, 200);
		started.started();
		started.heard();
		expect(tickUntil(started, 30_000, 40_000, 200)?.verdict).toBe('stuck');
	});
});
