import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { runEveryNode } from './processZoneRuns';

/**
 * A node that read the machine's local time (getHours, new Date(y, m, d), Date.parse of a text without an
 * offset) would answer differently on a server in another zone. Every node's run of processZoneRuns.ts
 * gives the same outputs in a process whose time zone (TZ) is America/New_York as in this one.
 */
const ROOT = resolve(__dirname, '..', '..');
const CHILD_ZONE = 'America/New_York';
const julyOffset = () => new Date(2024, 6, 1).getTimezoneOffset();

async function runUnder(tz: string): Promise<{ offset: number; result: unknown }> {
	const script = `require('./test/timeZones/processZoneRuns').runEveryNode().then((result) => { process.stdout.write(JSON.stringify({ offset: new Date(2024, 6, 1).getTimezoneOffset(), result })); process.exit(0); }, (e) => { console.error(e); process.exit(1); });`;
	const { stdout } = await promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
		cwd: ROOT,
		env: { ...process.env, TZ: tz, N8N_LOG_LEVEL: 'silent' },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	return JSON.parse(stdout);
}

describe('no node depends on the process time zone', () => {
	it(`a process in ${CHILD_ZONE} gives the same outputs as this one`, async () => {
		const child = await runUnder(CHILD_ZONE);
		const here = JSON.parse(JSON.stringify(await runEveryNode()));
		// The child really ran in another zone than this process.
		expect(child.offset).toBe(240);
		expect(julyOffset()).not.toBe(240);
		expect(JSON.stringify(here)).not.toMatch(/NaN|Infinity/);
		expect(child.result).toEqual(here);
	});
});
