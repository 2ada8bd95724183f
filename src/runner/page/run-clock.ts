/**
 * How the page's watchdog tells a run that is stuck from a machine that is busy.
 *
 * The watchdog ticks on a timer. On a loaded machine that timer fires late, and
 * the worker's heartbeats arrive late too: a late tick means the page could not
 * look, not that the snippet said nothing. So a run's clock counts only the time
 * the watchdog saw pass on schedule, at most `maxTickMs` per tick, and silence is
 * judged on that clock, never on the wall clock.
 */
export interface RunLimits {
	/** Silence (no message from the worker) after which the snippet is busy in a loop. */
	stuckAfterMs: number;
	/** The longest a run may go on, even while its worker keeps answering. */
	maxRunMs: number;
	/** The longest Python may take to start, before the run itself begins. */
	startLimitMs: number;
	/** The most one tick may add to the clock: about two ticks' worth. */
	maxTickMs: number;
}

export type ClockVerdict = 'stuck' | 'too-long' | 'start-too-long' | undefined;

export class RunClock {
	/** Time seen since the worker's last message. */
	silence = 0;
	/** Time seen since the run began (or, while Python starts, since the start began). */
	elapsed = 0;
	readonly #limits: RunLimits;
	/** Until Python reports it has started, silence is not a sign of a stuck snippet. */
	#starting: boolean;
	#lastTick: number;

	constructor(limits: RunLimits, now: number, starting: boolean) {
		this.#limits = limits;
		this.#lastTick = now;
		this.#starting = starting;
	}

	/** Python is still starting: the run itself has not begun. */
	get starting(): boolean {
		return this.#starting;
	}

	/** The worker said something: it is not stuck. */
	heard() {
		this.silence = 0;
	}

	/** Python has started: the run's own time limit starts now. */
	started() {
		this.#starting = false;
		this.elapsed = 0;
	}

	/** One watchdog tick at `now`; says whether the run must end, and why. */
	tick(now: number): ClockVerdict {
		const seen = Math.min(now - this.#lastTick, this.#limits.maxTickMs);
		this.#lastTick = now;
		this.silence += seen;
		this.elapsed += seen;
		if (this.#starting)
			return this.elapsed > this.#limits.startLimitMs ? 'start-too-long' : undefined;
		if (this.silence > this.#limits.stuckAfterMs) return 'stuck';
		if (this.elapsed > this.#limits.maxRunMs) return 'too-long';
		return undefined;
	}
}
