// Locates (and on first use installs) the pinned n8n used by the end-to-end tests and the demo.
// It lives in a cache folder outside the package so the 2 GB install is made once per machine.
const { execFileSync, spawn } = require('child_process');
const { existsSync, mkdirSync, writeFileSync } = require('fs');
const { homedir } = require('os');
const { join, resolve } = require('path');

const N8N_VERSION = '2.8.4';
const cacheDir = resolve(
	process.env.N8N_CACHE_DIR || join(homedir(), '.cache', 'n8n-nodes-customer-care', `n8n-${N8N_VERSION}`),
);
const n8nBin = join(cacheDir, 'node_modules', '.bin', 'n8n');

async function ensureN8n(log = console.log) {
	if (existsSync(n8nBin)) return n8nBin;
	mkdirSync(cacheDir, { recursive: true });
	writeFileSync(
		join(cacheDir, 'package.json'),
		JSON.stringify(
			{
				name: 'n8n-runtime-cache',
				private: true,
				dependencies: { n8n: N8N_VERSION },
				// n8n-nodes-base points xlsx at a CDN tarball that this network cannot reach.
				overrides: { xlsx: '0.18.5' },
			},
			null,
			2,
		),
	);
	log(`Installing n8n ${N8N_VERSION} into ${cacheDir} (once per machine; about 2 GB, several minutes)...`);
	const started = Date.now();
	const ticker = setInterval(() => log(`  ... still installing n8n (${Math.round((Date.now() - started) / 1000)} s)`), 30_000);
	const status = await new Promise((done) => {
		const npm = spawn('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: cacheDir, stdio: 'inherit' });
		npm.on('close', done);
		npm.on('error', () => done(-1));
	});
	clearInterval(ticker);
	if (status !== 0 || !existsSync(n8nBin)) {
		throw new Error(`Installing n8n ${N8N_VERSION} failed (exit ${status}); see the npm output above`);
	}
	log(`n8n ${N8N_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return n8nBin;
}

function n8nVersion() {
	return execFileSync(n8nBin, ['--version'], { encoding: 'utf8' }).trim();
}

module.exports = { N8N_VERSION, cacheDir, n8nBin, ensureN8n, n8nVersion };
