// Makes `node_modules` match `package-lock.json` before the tests run, without ever
// changing the lockfile: `npm ci` installs exactly what it pins. A fingerprint of
// the lockfile, written after every install (`--record`, from postinstall), tells
// whether the tree is already current, so a second `npm test` does not reinstall.
//
// Plain JavaScript on purpose: on a fresh clone this runs before the project's own
// Node is installed, under whatever Node the system has.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const LOCKFILE = 'package-lock.json';
const FINGERPRINT = 'node_modules/.lockfile-fingerprint';

const fingerprint = createHash('sha256').update(readFileSync(LOCKFILE)).digest('hex');

if (process.argv.includes('--record')) {
	writeFileSync(FINGERPRINT, fingerprint);
} else if (!existsSync(FINGERPRINT) || readFileSync(FINGERPRINT, 'utf8') !== fingerprint) {
	console.log('Installing the packages package-lock.json pins (npm ci)…');
	execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
