/**
 * Runs the chapters' snippets and exercise solutions, and shows as a diff where
 * what they print differs from their transcripts; with `--write`, rewrites those
 * transcripts in the MDX. Python runs in Pyodide, the Python readers run;
 * TypeScript in Node. Never part of `npm test`: a transcript is a contract, and
 * rewriting one is the author's decision.
 *
 *     npm run snippets:update                        # every snippet, report only
 *     npm run snippets:update -- yield-from          # a chapter's, or ids containing it
 *     npm run snippets:update -- yield-from --write  # rewrite what drifted
 *     npm run snippets:update -- --content DIR       # the chapters in another folder
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONTENT_DIR, getChapterId, listChapterFiles } from '../src/lib/chapter-files.ts';
import { PyodideRunner } from '../src/snippets/run-in-pyodide.ts';
import {
	applyRewrites,
	checkProgram,
	findDocumentedPrograms,
	runAsReadersDo,
} from '../src/snippets/update-transcripts.ts';

const { values, positionals: filters } = parseArgs({
	allowPositionals: true,
	options: { write: { type: 'boolean', default: false }, content: { type: 'string' } },
});
const contentDir = values.content ? `${path.resolve(values.content)}/` : CONTENT_DIR;

const pyodide = new PyodideRunner();
const run = runAsReadersDo(() => pyodide);

let checked = 0;
let drifted = 0;
let rewritten = 0;
let problems = 0;
try {
	for (const file of await listChapterFiles(contentDir)) {
		const chapter = getChapterId(file, contentDir);
		const relativeFile = path.relative(process.cwd(), file);
		const source = await readFile(file, 'utf8');
		const programs = findDocumentedPrograms(source, relativeFile).filter(
			(program) =>
				filters.length === 0 ||
				filters.some((filter) => filter === chapter || program.id.includes(filter))
		);
		const rewrites = [];
		for (const program of programs) {
			const check = await checkProgram(program, run);
			checked += 1;
			drifted += check.drifts.length;
			problems += check.problems.length;
			for (const message of [...check.drifts, ...check.problems]) console.log(`\n${message}`);
			rewrites.push(...check.rewrites);
		}
		if (values.write && rewrites.length > 0) {
			await writeFile(file, applyRewrites(source, rewrites));
			rewritten += rewrites.length;
			console.log(`\nRewrote ${rewrites.length} transcript(s) in ${relativeFile}.`);
		}
	}
} finally {
	await pyodide.close();
}

console.log(
	`\n${checked} program(s) checked: ${drifted} transcript(s) drifted, ${rewritten} rewritten, ${problems} problem(s).`
);
if (checked === 0) console.log(`Nothing matched ${filters.join(', ')}.`);
else if (drifted > 0 && !values.write)
	console.log('Run again with --write to rewrite the transcripts that drifted.');
if (problems > 0 || (drifted > 0 && !values.write) || checked === 0) process.exitCode = 1;
