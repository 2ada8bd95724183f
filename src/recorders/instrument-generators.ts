/**
 * Records every generator protocol event of a TypeScript run by instrumenting
 * the runtime: `next`, `throw` and `return` on the generator prototype, which
 * every generator shares and which `for...of`, spreading and `yield*` call too.
 *
 * A generator object does not know which function made it, so creation is
 * recorded by `named`, which `wrap-traced-functions.ts` wraps around each
 * generator function of the compiled snippet. A generator made another way (a
 * generator method) is named "generator" and recorded when first driven.
 * `called`, wrapped around each named plain function, records its calls and
 * returns, as the Python recorder does with `functions=True`.
 */
import { shorten } from '../shared/shorten.ts';
import { CALLER, type TraceEvent } from '../shared/trace-event.ts';

/** The name under which a traced run's code receives the `GeneratorTracing` below. */
export const TRACE_PARAMETER = '__generatorTrace';

const MAX_VALUE_CHARS = 80;
const METHODS = ['next', 'throw', 'return'] as const;

export interface GeneratorTracing {
	/** Wraps a generator function so that each call records the generator it creates. */
	named<F extends (...args: never[]) => unknown>(generatorFunction: F, name: string): F;
	/** Wraps a plain function so that each call records the call and its return (or raise). */
	called<F extends (...args: never[]) => unknown>(plainFunction: F, name: string): F;
	/** Wraps a class's plain methods, its prototype's and its static ones, as `called` wraps functions. */
	methods(constructor: object): void;
}

/**
 * Plain and async functions, told by their tag, which holds in any realm: a call
 * runs the body and returns, where a generator function's does not.
 */
const CALLED_KINDS = new Set(['[object Function]', '[object AsyncFunction]']);

interface Options {
	/** The realm's %GeneratorPrototype%, e.g. `Object.getPrototypeOf(function* () {}).prototype`. */
	generatorPrototype: object;
	record: (event: TraceEvent) => void;
	/** Formats a value as the run's console would print it. */
	format: (value: unknown) => string;
	/** The line of the reader's code that is running now, if known. */
	findLine: () => number | undefined;
}

export function instrumentGenerators({
	generatorPrototype,
	record,
	format,
	findLine,
}: Options): GeneratorTracing {
	const names = new WeakMap<object, string>();
	const counts = new Map<string, number>();
	// The generators running now, innermost last: the innermost drives any generator it calls.
	const running: string[] = [];
	const currentCaller = () => running.at(-1) ?? CALLER;
	const show = (value: unknown) => shorten(format(value), MAX_VALUE_CHARS);
	const describeError = (error: unknown) =>
		shorten(
			error instanceof Error ? `${error.name}: ${error.message}` : format(error),
			MAX_VALUE_CHARS
		);

	function newName(base: string) {
		const count = (counts.get(base) ?? 0) + 1;
		counts.set(base, count);
		return `${base}#${count}`;
	}

	function nameOf(generator: object): string {
		let name = names.get(generator);
		if (name === undefined) {
			name = newName('generator');
			names.set(generator, name);
			record({ kind: 'create', generator: name, caller: currentCaller() });
		}
		return name;
	}

	const prototype = generatorPrototype as Record<
		(typeof METHODS)[number],
		(...args: unknown[]) => IteratorResult<unknown>
	>;
	for (const method of METHODS) {
		const original = prototype[method];
		// A method definition keeps the name `next`, as the original has.
		const { [method]: traced } = {
			[method](this: object, ...args: unknown[]) {
				if (typeof this !== 'object' || this === null) return original.apply(this, args);
				const generator = nameOf(this);
				const caller = currentCaller();
				const value =
					args.length === 0
						? undefined
						: method === 'throw'
							? describeError(args[0])
							: show(args[0]);
				record({ kind: 'call', generator, caller, method, value, line: findLine() });
				running.push(generator);
				try {
					const result = original.apply(this, args);
					record({
						kind: result.done ? 'return' : 'yield',
						generator,
						caller,
						value: show(result.value),
					});
					return result;
				} catch (error) {
					record({ kind: 'raise', generator, caller, value: describeError(error) });
					throw error;
				} finally {
					running.pop();
				}
			},
		};
		Object.defineProperty(prototype, method, {
			value: traced,
			writable: true,
			configurable: true,
			enumerable: false,
		});
	}

	function called<F extends (...args: never[]) => unknown>(plainFunction: F, name: string): F {
		return new Proxy(plainFunction, {
			apply(target, thisArg, args) {
				const caller = currentCaller();
				record({ kind: 'function-call', generator: name, caller, line: findLine() });
				// What it calls, it drives.
				running.push(name);
				try {
					const value: unknown = Reflect.apply(target, thisArg, args);
					record({ kind: 'function-return', generator: name, caller, value: show(value) });
					return value;
				} catch (error) {
					record({ kind: 'raise', generator: name, caller, value: describeError(error) });
					throw error;
				} finally {
					running.pop();
				}
			},
		});
	}

	return {
		called,
		methods(constructor) {
			const owners = [constructor, (constructor as { prototype: object }).prototype];
			for (const owner of owners)
				for (const key of Object.getOwnPropertyNames(owner)) {
					const descriptor = Object.getOwnPropertyDescriptor(owner, key)!;
					const method: unknown = descriptor.value;
					if (key === 'constructor' || typeof method !== 'function') continue;
					if (!CALLED_KINDS.has(Object.prototype.toString.call(method))) continue;
					Object.defineProperty(owner, key, {
						...descriptor,
						value: called(method as (...args: never[]) => unknown, key),
					});
				}
		},
		named(generatorFunction, name) {
			return new Proxy(generatorFunction, {
				apply(target, thisArg, args) {
					const generator: unknown = Reflect.apply(target, thisArg, args);
					if (typeof generator === 'object' && generator !== null && !names.has(generator)) {
						const id = newName(name);
						names.set(generator, id);
						record({ kind: 'create', generator: id, caller: currentCaller(), line: findLine() });
					}
					return generator;
				},
			});
		},
	};
}
