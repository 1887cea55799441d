import { spawnSync } from 'child_process';
import * as path from 'path';

/** Runs zoneProbe.ts in a child Node process whose local time zone is `zone`, returns its JSON. */
export function runZoneProbe(zone: string): Record<string, any> {
	const root = path.resolve(__dirname, '..', '..');
	const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'zoneProbe.ts')], {
		cwd: root,
		env: { ...process.env, TZ: zone, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') },
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`zone probe failed in ${zone}: ${result.stderr}`);
	return JSON.parse(result.stdout);
}
