/**
 * Whether a program has anything for the trace to draw: the recorders draw
 * generators and the calls of the program's own functions, so a program that
 * defines neither (a `for` loop over a list, `iter` and `next` by hand) gets no
 * Trace button. Read from the code, before any run; the snippet tests check it
 * against real runs.
 */
import type { Language } from '../shared/languages.ts';

const DEFINES_SOMETHING_TO_TRACE: Record<Language, RegExp> = {
	// A function, a lambda, or a generator expression: `(x for x in xs)`.
	python: /\bdef\s|\blambda\b|\([^()]*\bfor\b[^()]*\bin\b[^()]*\)/,
	// A function, generator function, arrow function, or a class and its methods.
	typescript: /\bfunction\b|=>|\bclass\b/,
};

export function hasSomethingToTrace(code: string, language: Language): boolean {
	return DEFINES_SOMETHING_TO_TRACE[language].test(code);
}
