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
	'pep-3156': {
		title: 'PEP 3156 – Asynchronous IO Support Rebooted: the “asyncio” Module',
		details: 'Python 3.4',
		url: 'https://peps.python.org/pep-3156/',
	},
	'python-types-coroutine': {
		title: 'The Python Standard Library: types.coroutine',
		url: 'https://docs.python.org/3/library/types.html#types.coroutine',
	},
	'python-concurrent-futures': {
		title: 'The Python Standard Library: concurrent.futures — Future objects',
		url: 'https://docs.python.org/3/library/concurrent.futures.html#future-objects',
	},
	'python-asyncio-tasks': {
		title: 'The Python Standard Library: asyncio — Coroutines and Tasks',
		url: 'https://docs.python.org/3/library/asyncio-task.html',
	},
	'python-xml-sax-handler': {
		title: 'The Python Standard Library: xml.sax.handler — Base classes for SAX handlers',
		url: 'https://docs.python.org/3/library/xml.sax.handler.html',
	},
	'python-pyexpat': {
		title: 'The Python Standard Library: xml.parsers.expat — Fast XML parsing using Expat',
		url: 'https://docs.python.org/3/library/pyexpat.html',
	},
	'python-itertools': {
		title: 'The Python Standard Library: itertools',
		url: 'https://docs.python.org/3/library/itertools.html',
	},
	'python-heapq': {
		title: 'The Python Standard Library: heapq — Heap queue algorithm',
		url: 'https://docs.python.org/3/library/heapq.html',
	},
	'python-random': {
		title: 'The Python Standard Library: random — Generate pseudo-random numbers',
		details: 'Notes on Reproducibility',
		url: 'https://docs.python.org/3/library/random.html',
	},
	'mdn-math-random': {
		title: 'MDN Web Docs: Math.random()',
		url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Math/random',
	},
	'park-miller-1988': {
		author: 'Stephen K. Park and Keith W. Miller',
		title: 'Random Number Generators: Good Ones Are Hard to Find',
		details: 'Communications of the ACM 31(10), October 1988, pp. 1192–1201',
	},
	simpy: {
		title: 'SimPy: discrete-event simulation for Python',
		url: 'https://simpy.readthedocs.io/',
	},
	'mdn-async-function': {
		title: 'MDN Web Docs: async function',
		url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Statements/async_function',
	},
	'mdn-await': {
		title: 'MDN Web Docs: await',
		url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Operators/await',
	},
	'typescript-1-7': {
		title: 'TypeScript 1.7 release notes: async/await support in ES6 targets',
		url: 'https://www.typescriptlang.org/docs/handbook/release-notes/typescript-1-7.html',
	},
	'typescript-2-1': {
		title: 'TypeScript 2.1 release notes: Downlevel Async Functions',
		url: 'https://www.typescriptlang.org/docs/handbook/release-notes/typescript-2-1.html#downlevel-async-functions',
	},
	co: {
		author: 'TJ Holowaychuk',
		title: 'co',
		details:
			'generator-based control flow for Node.js; from version 4 (2014), it returns a promise',
		url: 'https://github.com/tj/co',
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
