// PostgreSQL databases and free ports for the real n8n processes of the e2e tests and the demo.
// The test services are 127.0.0.1:5432 (PostgreSQL, user postgres, trust) and 127.0.0.1:6379 (Redis) unless
// CARE_TEST_PG_HOST/CARE_TEST_PG_PORT/CARE_TEST_PG_USER/CARE_TEST_PG_PASSWORD or
// CARE_TEST_REDIS_HOST/CARE_TEST_REDIS_PORT say otherwise (the PostgreSQL user creates databases and tables).
const { execFileSync, spawnSync } = require('child_process');
const { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } = require('fs');
const { createServer } = require('net');
const { tmpdir } = require('os');
const { join } = require('path');
const { Client } = require('pg');

const env = process.env;
const POSTGRES = {
	host: env.CARE_TEST_PG_HOST || '127.0.0.1',
	port: Number(env.CARE_TEST_PG_PORT || 5432),
	user: env.CARE_TEST_PG_USER || 'postgres',
	password: env.CARE_TEST_PG_PASSWORD || '',
};
const REDIS = { host: env.CARE_TEST_REDIS_HOST || '127.0.0.1', port: Number(env.CARE_TEST_REDIS_PORT || 6379) };

async function withAdminClient(work) {
	const client = new Client({ ...POSTGRES, database: 'postgres' });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

/** A new, empty database named `<prefix>_<unique>`; `drop()` removes it (closing any connection left). */
async function createDatabase(prefix) {
	const database = `${prefix}_${process.pid}_${Date.now().toString(36)}`.toLowerCase();
	await withAdminClient((client) => client.query(`CREATE DATABASE "${database}"`));
	return {
		...POSTGRES,
		database,
		drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)),
	};
}

/** The variables that make n8n keep its own data (workflows, credentials, executions) in `db`. */
function n8nDatabaseEnv(db) {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: db.host,
		DB_POSTGRESDB_PORT: String(db.port),
		DB_POSTGRESDB_DATABASE: db.database,
		DB_POSTGRESDB_USER: db.user,
		DB_POSTGRESDB_PASSWORD: db.password,
	};
}

/** A TCP port nobody listens on right now (the OS picks it). */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** The PostgreSQL server programs (initdb, pg_ctl) of the newest version installed, if any. */
function postgresBin() {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
	versions.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : undefined;
}

/**
 * A PostgreSQL server of its own (temporary data folder, free port on 127.0.0.1) that wants a password
 * (scram-sha-256), as Debian's default cluster does; the shared server is left alone. The superuser is
 * `user` with `password`. `stop()` shuts it down and removes its folder. Needs initdb from
 * /usr/lib/postgresql/<version>/bin; run as root, the server runs as the `postgres` system user.
 */
async function startPrivatePostgres({ user = 'care_owner', password = 'care-Demo-pw-1' } = {}) {
	const bin = postgresBin();
	if (!bin) throw new Error('no PostgreSQL server programs in /usr/lib/postgresql/*/bin (apt-get install postgresql)');
	const folder = mkdtempSync(join(tmpdir(), 'care-pg-'));
	const data = join(folder, 'data');
	const asRoot = process.getuid?.() === 0;
	const owner = asRoot ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })) : undefined;
	const ownerGroup = asRoot ? Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) : undefined;
	const run = (program, args) => {
		const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
		const result = spawnSync(command, commandArgs, { encoding: 'utf8', cwd: folder });
		if (result.status !== 0) throw new Error(`${program} failed (exit ${result.status}): ${result.stderr || result.stdout}`);
	};
	const passwordFile = join(folder, 'password');
	writeFileSync(passwordFile, password, { mode: 0o600 });
	if (asRoot) {
		chownSync(folder, owner, ownerGroup);
		chownSync(passwordFile, owner, ownerGroup);
	}
	const port = await freePort();
	try {
		run('initdb', ['-D', data, '-U', user, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C']);
		run('pg_ctl', ['-D', data, '-l', join(folder, 'server.log'), '-w', '-t', '60', '-o', `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${folder} -c fsync=off`, 'start']);
	} catch (error) {
		rmSync(folder, { recursive: true, force: true });
		throw error;
	}
	return {
		host: '127.0.0.1',
		port,
		user,
		password,
		async stop() {
			try {
				run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
			} finally {
				rmSync(folder, { recursive: true, force: true });
			}
		},
	};
}

module.exports = { POSTGRES, REDIS, startPrivatePostgres, createDatabase, n8nDatabaseEnv, freePort };
