// Mermaid diagrams are rendered to SVG at build time, and the browser tests run,
// in a real Chromium. Browser downloads (`playwright install`) are not an option
// on the machines this site is built on, so we use the system's Chromium and, on
// Debian as root, install it from Debian's own packages.
//
// Plain JavaScript on purpose: this runs as a postinstall hook, possibly under an
// older system Node than the one the project brings.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';
const configured = process.env.CHROMIUM_PATH;
const target = configured || DEFAULT_PATH;

function canRun(command, args = ['--version']) {
	try {
		execFileSync(command, args, { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

if (existsSync(target)) {
	process.exit(0);
}

if (configured) {
	console.error(`CHROMIUM_PATH is set to ${configured}, but no file is there.`);
	process.exit(1);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = canRun('apt-get', ['--version']);

if (isRoot && hasApt) {
	console.log(
		'Chromium is missing: installing Debian\'s "chromium" package (needed to render diagrams and run browser tests)…'
	);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
		stdio: 'inherit',
		env,
	});
	if (existsSync(DEFAULT_PATH)) process.exit(0);
}

console.error(
	[
		'This site needs Chromium to render its diagrams and run its browser tests.',
		'Install it with your package manager (on Debian or Ubuntu: `sudo apt-get install chromium`),',
		'or point CHROMIUM_PATH at an existing Chromium or Chrome binary, then run the command again.',
	].join('\n')
);
process.exit(1);
