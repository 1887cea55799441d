// n8n processes for the e2e runner and suites: one-off commands (`n8n import:workflow`, `n8n execute`) run to
// their end with their output collected, and long-running ones (main, workers) with output kept in memory
// and in a log file, stopped with the whole process group (n8n starts its task runners as children).
const { spawn } = require('node:child_process');
const { createWriteStream } = require('node:fs');

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The one-off commands still running, so a runner that is stopped can stop them too (stopCommands). */
const commands = new Set();

function stopCommands() {
	for (const child of commands) child.kill('SIGKILL');
}

/** Runs a command to its end (killed after `timeoutMs`) and resolves with its exit code and output. */
function runCommand(bin, args, env, { cwd, timeoutMs = 600_000 } = {}) {
	return new Promise((done) => {
		const child = spawn(bin, args, { env, cwd });
		commands.add(child);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('close', (code) => {
			clearTimeout(timer);
			commands.delete(child);
			done({ code, stdout, stderr });
		});
	});
}

/** `n8n execute --rawOutput` prints start-up lines first; the run data is the JSON object after them. */
function parseRunOutput(stdout) {
	const start = stdout.search(/^\{/m);
	if (start < 0) return undefined;
	try {
		return JSON.parse(stdout.slice(start));
	} catch {
		return undefined;
	}
}

function startProcess(n8n, args, env, logPath) {
	const log = createWriteStream(logPath);
	const child = spawn(n8n, args, { env, detached: true });
	const proc = { child, output: '', logPath, exited: false };
	const collect = (d) => {
		proc.output += d;
		log.write(d);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	proc.closed = new Promise((done) =>
		child.on('close', (code, signal) => {
			proc.exited = true;
			log.end(`\n--- exited: code ${code}, signal ${signal}\n`);
			done();
		}),
	);
	return proc;
}

async function stopProcess(proc) {
	if (proc.exited) return;
	const signal = (name) => {
		try {
			process.kill(-proc.child.pid, name);
		} catch {
			// already gone
		}
	};
	signal('SIGTERM');
	const stopped = await Promise.race([proc.closed.then(() => true), sleep(20_000).then(() => false)]);
	if (!stopped) {
		signal('SIGKILL');
		await proc.closed;
	}
}

module.exports = { parseRunOutput, runCommand, stopCommands, startProcess, stopProcess };
