// Where `node scripts/sample-data/load.js` and `npm run demo` put the sample data: one reading of the
// PostgreSQL flags and libpq's variables (scripts/sample-data/connection.js) for both.
import { spawnSync } from 'child_process';
import { createServer } from 'net';
import { join, resolve } from 'path';

// Plain Node modules of the scripts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { postgresTarget, loginRefusedLine, psqlCommand } = require('../../scripts/sample-data/connection');

const LOAD = join(resolve(__dirname, '..', '..'), 'scripts', 'sample-data', 'load.js');
const argv = (...flags: string[]) => ['node', 'load.js', ...flags];

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as { port: number };
	await new Promise((done) => server.close(done));
	return port;
}

describe('sample data connection', () => {
	it('takes the flags first, then PGHOST, PGPORT and PGUSER, then the defaults; PGDATABASE is not used', () => {
		expect(postgresTarget(argv(), {}).connection).toEqual({ host: '127.0.0.1', port: 5432, user: 'postgres', password: undefined, database: 'care_demo' });
		const env = { PGHOST: 'db.internal', PGPORT: '55432', PGUSER: 'care', PGPASSWORD: 'pw', PGDATABASE: 'production' };
		expect(postgresTarget(argv(), env)).toEqual({
			connection: { host: 'db.internal', port: 55432, user: 'care', password: 'pw', database: 'care_demo' },
			explicit: false,
		});
		expect(postgresTarget(argv('--port', '6000', '--user', 'other', '--database', 'demo'), env)).toEqual({
			connection: { host: 'db.internal', port: 6000, user: 'other', password: 'pw', database: 'demo' },
			explicit: true,
		});
	});

	it('refuses a port that is not one, naming where it came from', () => {
		expect(() => postgresTarget(argv(), { PGPORT: '54x32' })).toThrow('the PostgreSQL port is "54x32" (from PGPORT), which is not a port number (expected 1 to 65535)');
		expect(() => postgresTarget(argv('--port', '70000'), {})).toThrow('"70000" (from --port)');
	});

	it('says which user was refused, with or without a password, and never the password', () => {
		const target = { host: '127.0.0.1', port: 55432, user: 'care', password: 's3cret-pw' };
		const line = loginRefusedLine(target, new Error('password authentication failed for user "care"'), '--user <name> with PGPASSWORD=<password>');
		expect(line).toBe('PostgreSQL on 127.0.0.1:55432 refused user "care" with the password in PGPASSWORD: password authentication failed for user "care". Fix: --user <name> with PGPASSWORD=<password>.');
		expect(line).not.toContain('s3cret');
		expect(loginRefusedLine({ ...target, password: undefined }, new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'))).toContain(
			'refused user "care" without a password (PGPASSWORD is not set): the server wants a password',
		);
	});

	it('gives a psql line that reaches the same database', () => {
		expect(psqlCommand({ host: '127.0.0.1', port: 55432, user: 'care', database: "o'brien" }, 'SELECT 1')).toBe(
			`psql -h '127.0.0.1' -p 55432 -U 'care' -d 'o'\\''brien' -c 'SELECT 1'`,
		);
	});

	it('load.js connects where PGHOST and PGPORT say, not to the default server', async () => {
		const port = await closedPort();
		const run = spawnSync(process.execPath, [LOAD], {
			env: { PATH: process.env.PATH, PGHOST: '127.0.0.1', PGPORT: String(port), PGUSER: 'nobody' },
			encoding: 'utf8',
			timeout: 30_000,
		});
		expect(run.stdout).toBe('');
		expect(run.stderr.trim()).toBe(`Could not load the sample data into care_demo. PostgreSQL on 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`);
		expect(run.status).toBe(1);
	});
});
