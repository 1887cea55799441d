// scripts/n8n-runtime.js: an npm run that reads and writes nothing for N8N_INSTALL_STALL_SECONDS is stopped,
// with its children, and run again from a clean start; a slow run that keeps moving is left alone.
import { existsSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

type Result = { code: number | null; tail: string; stalled: boolean; seconds: number };
type RunWithProgress = (
	command: string,
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv; log: (line: string) => void; label: string; beforeRetry?: () => void },
) => Promise<Result>;

function runtimeWithStallSeconds(seconds: number): RunWithProgress {
	const before = process.env.N8N_INSTALL_STALL_SECONDS;
	process.env.N8N_INSTALL_STALL_SECONDS = String(seconds);
	try {
		let runWithProgress: RunWithProgress | undefined;
		jest.isolateModules(() => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			runWithProgress = require('../../scripts/n8n-runtime').runWithProgress;
		});
		return runWithProgress!;
	} finally {
		if (before === undefined) delete process.env.N8N_INSTALL_STALL_SECONDS;
		else process.env.N8N_INSTALL_STALL_SECONDS = before;
	}
}

/** Whether the process still runs (a killed one no parent has reaped yet is a zombie, state Z: not running). */
const running = (pid: number) => {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
	} catch {
		return false;
	}
};

describe('n8n-runtime: an npm run that stalls', () => {
	it('is stopped with its children and run again, 3 runs in all, each after a clean start', async () => {
		const runWithProgress = runtimeWithStallSeconds(1);
		const dir = mkdtempSync(join(tmpdir(), 'care-stall-'));
		const pidFile = join(dir, 'grandchild.pid');
		// A command that, like a hung npm, waits for ever without a byte in or out, with a child doing the same.
		const script = `const c = require('child_process').spawn('sleep', ['1000'], { stdio: 'ignore' }); require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(c.pid)); setInterval(() => {}, 1000);`;
		const lines: string[] = [];
		let cleanStarts = 0;
		const result = await runWithProgress(process.execPath, ['-e', script], {
			cwd: dir,
			env: process.env,
			log: (line) => lines.push(line),
			label: 'still installing',
			beforeRetry: () => cleanStarts++,
		});
		expect(result.stalled).toBe(true);
		expect(cleanStarts).toBe(2);
		expect(lines.filter((l) => l.includes('read and wrote nothing for 1 s (N8N_INSTALL_STALL_SECONDS): stopped it; trying again'))).toHaveLength(2);
		expect(lines.some((l) => l.includes('(run 3 of 3;'))).toBe(true);
		expect(result.tail).toContain('read and wrote nothing for 1 s (N8N_INSTALL_STALL_SECONDS), 3 times: check the network and the npm registry');
		const grandchild = Number(readFileSync(pidFile, 'utf8'));
		expect(running(grandchild)).toBe(false);
	}, 60_000);

	it('is left alone while it keeps reading or writing, however slowly', async () => {
		const runWithProgress = runtimeWithStallSeconds(1);
		const dir = mkdtempSync(join(tmpdir(), 'care-slow-'));
		// Writes a byte every 200 ms for 4 s: four times the stall limit in all, never 1 s without output.
		const script = `let i = 0; const t = setInterval(() => { process.stdout.write('.'); if (++i === 20) { clearInterval(t); require('fs').writeFileSync('done', ''); } }, 200);`;
		let cleanStarts = 0;
		const result = await runWithProgress(process.execPath, ['-e', script], {
			cwd: dir,
			env: process.env,
			log: () => undefined,
			label: 'still installing',
			beforeRetry: () => cleanStarts++,
		});
		expect(result).toMatchObject({ code: 0, stalled: false });
		expect(result.tail).toBe('.'.repeat(20));
		expect(cleanStarts).toBe(0);
		expect(existsSync(join(dir, 'done'))).toBe(true);
	}, 60_000);
});
