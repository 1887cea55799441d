// The real services some tests need (PostgreSQL, Redis), and the one rule for when they are missing: the
// suite is skipped with one line naming the service and how to start it, unless REQUIRE_SERVICES=1 (CI),
// which turns that skip into a failure. Addresses come from test/e2e/services.js, which reads
// CARE_TEST_PG_HOST/CARE_TEST_PG_PORT/CARE_TEST_PG_USER/CARE_TEST_PG_PASSWORD and
// CARE_TEST_REDIS_HOST/CARE_TEST_REDIS_PORT.
import { spawnSync } from 'child_process';

// A plain Node module shared with the e2e runner and the demo.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../e2e/services') as {
	POSTGRES: { host: string; port: number; user: string; password: string };
	REDIS: { host: string; port: number };
};

export type Service = 'postgres' | 'redis';

/** The ledger tests' database: `test` on the test PostgreSQL. */
export const POSTGRES = { host: services.POSTGRES.host, port: services.POSTGRES.port, database: 'test', user: services.POSTGRES.user, password: services.POSTGRES.password };
export const REDIS = { ...services.REDIS };

const SERVICES: Record<Service, { name: string; host: string; port: number; start: string }> = {
	postgres: {
		name: 'PostgreSQL',
		host: services.POSTGRES.host,
		port: services.POSTGRES.port,
		start: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, or point CARE_TEST_PG_HOST/CARE_TEST_PG_PORT at one',
	},
	redis: {
		name: 'Redis',
		...services.REDIS,
		start: 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no, or point CARE_TEST_REDIS_HOST/CARE_TEST_REDIS_PORT at one',
	},
};

const required = () => process.env.REQUIRE_SERVICES === '1';
const probed = new Map<string, boolean>();

/** Whether a TCP port answers, checked synchronously (once per address) so a suite can decide at load time. */
function portOpen(host: string, port: number): boolean {
	const address = `${host}:${port}`;
	if (!probed.has(address)) {
		const probe = spawnSync(
			process.execPath,
			[
				'-e',
				`const s=require('net').connect(${port},${JSON.stringify(host)});s.setTimeout(1500);` +
					`s.on('connect',()=>process.exit(0));s.on('error',()=>process.exit(1));s.on('timeout',()=>process.exit(1));`,
			],
			{ timeout: 5000 },
		);
		probed.set(address, probe.status === 0);
	}
	return probed.get(address)!;
}

/**
 * Why the test PostgreSQL cannot serve the suites although its port answers (checked once): a refused
 * login (Debian's cluster wants a password) or a missing `test` database; undefined when it can.
 */
let postgresProblem: string | undefined | null = null;
function postgresLoginProblem(): string | undefined {
	if (postgresProblem !== null) return postgresProblem;
	const { host, port, database, user, password } = POSTGRES;
	const probe = spawnSync(
		process.execPath,
		[
			'-e',
			`const c=new (require('pg').Client)(${JSON.stringify({ host, port, database, user, password, connectionTimeoutMillis: 3000 })});` +
				`c.connect().then(()=>c.end()).then(()=>process.exit(0),(e)=>{process.stdout.write(String(e.code||''));process.exit(1)});`,
		],
		{ timeout: 10_000, cwd: __dirname, encoding: 'utf8' },
	);
	const code = probe.stdout.trim();
	const login = `user "${user}" ${password ? 'with the password of CARE_TEST_PG_PASSWORD' : 'with no password'}`;
	if (probe.status === 0) postgresProblem = undefined;
	else if (code === '3D000') postgresProblem = `PostgreSQL on ${host}:${port} has no database "test". Create it: createdb -h ${host} -p ${port} -U ${user} test`;
	else {
		postgresProblem =
			`PostgreSQL on ${host}:${port} refused the login of ${login}${code ? ` (${code})` : ''}. ` +
			'Set CARE_TEST_PG_USER and CARE_TEST_PG_PASSWORD to a user that may create databases and tables';
	}
	return postgresProblem;
}

/** The one line printed for a suite whose service is missing or refuses it. */
export function missingServiceLine(service: Service, suite: string): string {
	const s = SERVICES[service];
	if (service === 'postgres' && portOpen(s.host, s.port)) return `${postgresLoginProblem()}: "${suite}" needs it.`;
	return `${s.name} on ${s.host}:${s.port} is not reachable: "${suite}" needs it. Start it: ${s.start}.`;
}

/** Whether a service can serve the suites: its port answers and, for PostgreSQL, the login to `test` works. */
function available(service: Service): boolean {
	const s = SERVICES[service];
	if (!portOpen(s.host, s.port)) return false;
	return service !== 'postgres' || postgresLoginProblem() === undefined;
}

/**
 * `describe` for a suite that needs real services. Without them the suite is skipped with one line on
 * stderr; under REQUIRE_SERVICES=1 it fails instead, every test with that same line as its error.
 */
export function describeWithService(...needed: Service[]) {
	return (suite: string, body: () => void): void => {
		const missing = needed.filter((service) => !available(service));
		if (missing.length === 0) {
			describe(suite, body);
			return;
		}
		const lines = missing.map((service) => missingServiceLine(service, suite));
		if (required()) {
			describe(suite, () => {
				it(`needs ${missing.map((service) => SERVICES[service].name).join(' and ')} (REQUIRE_SERVICES=1)`, () => {
					throw new Error(lines.join('\n'));
				});
			});
			return;
		}
		// Straight to stderr: one line each, without the stack trace jest adds to console output.
		for (const line of lines) process.stderr.write(`skipped: ${line} (REQUIRE_SERVICES=1 makes this a failure)\n`);
		describe.skip(suite, body);
	};
}

/** A name unique to this test run, for Redis key prefixes and Postgres tables. */
export function uniqueName(label: string): string {
	return `${label}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
}
