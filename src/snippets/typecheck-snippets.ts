import ts from 'typescript';

/**
 * Type-checks TypeScript snippets under `strict`, each as its own module, in one
 * compiler program (one program for all is much faster than one per snippet).
 * Returns the diagnostics of each snippet by id; a snippet without errors is absent.
 */

const COMPILER_OPTIONS: ts.CompilerOptions = {
	strict: true,
	noEmit: true,
	target: ts.ScriptTarget.ES2024,
	module: ts.ModuleKind.ESNext,
	moduleResolution: ts.ModuleResolutionKind.Bundler,
	// Every snippet is a module of its own, so two snippets may both declare `gen`.
	moduleDetection: ts.ModuleDetectionKind.Force,
	// Snippets run in a browser worker and in Node: the DOM library declares `console` and timers for both.
	lib: ['lib.es2024.d.ts', 'lib.dom.d.ts'],
	types: [],
	skipLibCheck: true,
};

const VIRTUAL_DIR = '/snippets/';

export function typecheckSnippets(
	snippets: ReadonlyArray<{ id: string; code: string }>
): Map<string, string[]> {
	const files = new Map(
		snippets.map((snippet) => [`${VIRTUAL_DIR}${snippet.id}.ts`, snippet.code])
	);
	const host = ts.createCompilerHost(COMPILER_OPTIONS);
	const getSourceFile = host.getSourceFile.bind(host);
	const fileExists = host.fileExists.bind(host);
	const readFile = host.readFile.bind(host);
	host.getSourceFile = (fileName, languageVersion, ...rest) => {
		const code = files.get(fileName);
		return code === undefined
			? getSourceFile(fileName, languageVersion, ...rest)
			: ts.createSourceFile(fileName, code, languageVersion, true);
	};
	host.fileExists = (fileName) => files.has(fileName) || fileExists(fileName);
	host.readFile = (fileName) => files.get(fileName) ?? readFile(fileName);

	const program = ts.createProgram([...files.keys()], COMPILER_OPTIONS, host);
	const problems = new Map<string, string[]>();
	for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
		const fileName = diagnostic.file?.fileName ?? '';
		const id = fileName.startsWith(VIRTUAL_DIR)
			? fileName.slice(VIRTUAL_DIR.length, -'.ts'.length)
			: '(compiler)';
		const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
		const position =
			diagnostic.file && diagnostic.start !== undefined
				? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
				: undefined;
		const where = position ? `line ${position.line + 1}, column ${position.character + 1}: ` : '';
		problems.set(id, [...(problems.get(id) ?? []), `${where}TS${diagnostic.code}: ${message}`]);
	}
	return problems;
}
