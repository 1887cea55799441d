import { spawnSync } from 'child_process';

const REQUIRED = process.env.REQUIRE_SERVICES === '1';

/** Whether a TCP port answers, checked synchronously so a suite can decide at load time. */
function portOpen(host: string, port: number): boolean {
	const probe = spawnSync(
		process.execPath,
		[
			'-e',
			`const s=require('net').connect(${port},'${host}');s.setTimeout(1500);` +
				`s.on('connect',()=>process.exit(0));s.on('error',()=>process.exit(1));s.on('timeout',()=>process.exit(1));`,
		],
		{ timeout: 5000 },
	);
	return probe.status === 0;
}

/**
 * `describe` for suites that need a real service. Without the service the suite is skipped on a
 * developer machine, but under REQUIRE_SERVICES=1 (CI) it runs and fails on its first connection.
 */
export function describeWithService(service: 'postgres' | 'redis'): jest.Describe {
	const [host, port] = service === 'postgres' ? ['127.0.0.1', 5432] : ['127.0.0.1', 6379];
	if (REQUIRED || portOpen(host, port)) return describe;
	// eslint-disable-next-line no-console
	console.warn(`${service} on ${host}:${port} is not reachable: its tests are skipped (set REQUIRE_SERVICES=1 to fail instead)`);
	return describe.skip;
}

/** A name unique to this test run, for Redis key prefixes and Postgres tables. */
export function uniqueName(label: string): string {
	return `${label}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export const POSTGRES = { host: '127.0.0.1', port: 5432, database: 'test', user: 'postgres' };
export const REDIS = { host: '127.0.0.1', port: 6379 };
