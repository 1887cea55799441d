// PostgreSQL databases and free ports for the real n8n processes of the e2e tests and the demo.
const { createServer } = require('net');
const { Client } = require('pg');

const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres', password: '' };

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

module.exports = { POSTGRES, createDatabase, n8nDatabaseEnv, freePort };
