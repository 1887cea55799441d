// Long-running n8n processes (main, workers) for the e2e suites: output kept in memory and in a log file,
// stopped with the whole process group (n8n starts its task runners as children).
const { spawn } = require('node:child_process');
const { createWriteStream } = require('node:fs');

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

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

module.exports = { startProcess, stopProcess };
