/**
 * The works the course follows, cited the way a book cites them. A chapter names
 * its sources by key in its front matter (`sources: ['fluent-python', 'pep-342']`);
 * the chapter page lists them at its end, and the "About the sources" appendix
 * maps every chapter to them.
 */
export interface Source {
	/** Who wrote it, when known. */
	author?: string;
	/** The title as the work gives it. */
	title: string;
	/** Publisher, venue or date, and the part of a longer work the course draws on. */
	details?: string;
	url?: string;
}

export const SOURCES = {
	'fluent-python': {
		author: 'Luciano Ramalho',
		title: 'Fluent Python',
		details:
			'O’Reilly, 2015, chapter 16, “Coroutines”; second edition, 2022, chapter 17, “Iterators, Generators, and Classic Coroutines”',
	},
	'beazley-curious-course': {
		author: 'David Beazley',
		title: 'A Curious Course on Coroutines and Concurrency',
		details: 'tutorial, PyCon 2009',
		url: 'https://www.dabeaz.com/coroutines/',
	},
	'pep-255': {
		title: 'PEP 255 – Simple Generators',
		details: 'Python 2.2',
		url: 'https://peps.python.org/pep-0255/',
	},
	'pep-342': {
		title: 'PEP 342 – Coroutines via Enhanced Generators',
		details: 'Python 2.5: send, throw and close',
		url: 'https://peps.python.org/pep-0342/',
	},
	'pep-380': {
		title: 'PEP 380 – Syntax for Delegating to a Subgenerator',
		details: 'Python 3.3: yield from, and return values',
		url: 'https://peps.python.org/pep-0380/',
	},
	'pep-479': {
		title: 'PEP 479 – Change StopIteration handling inside generators',
		details: 'Python 3.7 by default',
		url: 'https://peps.python.org/pep-0479/',
	},
	'pep-492': {
		title: 'PEP 492 – Coroutines with async and await syntax',
		details: 'Python 3.5',
		url: 'https://peps.python.org/pep-0492/',
	},
	'pep-525': {
		title: 'PEP 525 – Asynchronous Generators',
		details: 'Python 3.6',
		url: 'https://peps.python.org/pep-0525/',
	},
	'python-reference-generators': {
		title: 'The Python Language Reference: Yield expressions and generator-iterator methods',
		url: 'https://docs.python.org/3/reference/expressions.html#yield-expressions',
	},
	'python-inspect': {
		title: 'The Python Standard Library: inspect — current state of generators and coroutines',
		url: 'https://docs.python.org/3/library/inspect.html#current-state-of-generators-coroutines-and-asynchronous-generators',
	},
	'python-iterator-types': {
		title: 'The Python Standard Library: Iterator types',
		url: 'https://docs.python.org/3/library/stdtypes.html#iterator-types',
	},
	'python-typing-generators': {
		title: 'The Python Standard Library: typing — annotating generators and coroutines',
		url: 'https://docs.python.org/3/library/typing.html#annotating-generators-and-coroutines',
	},
	'mdn-iteration-protocols': {
		title: 'MDN Web Docs: Iteration protocols',
		url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Iteration_protocols',
	},
	'mdn-generator': {
		title: 'MDN Web Docs: Generator',
		url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Generator',
	},
	'mdn-yield-star': {
		title: 'MDN Web Docs: yield*',
		url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Operators/yield*',
	},
	'typescript-3-6': {
		title: 'TypeScript 3.6 release notes: Stricter Generators',
		url: 'https://www.typescriptlang.org/docs/handbook/release-notes/typescript-3-6.html#stricter-generators',
	},
	'notes-coroutine-concept': {
		title: 'Step 1 – Coroutine Concept',
		details: 'the first step of a tutorial on coroutines, in a Markdown and a MyST version',
	},
	'notes-coroutine-basics': {
		title: '5 Coroutines',
		details: 'study notes on the basics of send, with an accumulator example',
	},
	'notes-coroutines-101': {
		title: 'Coroutines 101',
		details: 'a blog post of 25 March 2021',
	},
	'notes-fluent-python': {
		title: 'Coroutine',
		details: 'study notes on the coroutine chapter of Fluent Python, quoting David Beazley',
	},
} as const satisfies Record<string, Source>;

export type SourceKey = keyof typeof SOURCES;

export const SOURCE_KEYS = Object.keys(SOURCES) as [SourceKey, ...SourceKey[]];
