// The environment a real n8n process runs with in the e2e tests and the demo.
const { resolve } = require('path');
const { freePort, n8nDatabaseEnv } = require('./services');
const { runtimeEnv, runtimeFor } = require('../../scripts/n8n-runtime');

const ROOT = resolve(__dirname, '..', '..');

/**
 * n8n keeps its own data in `database` (a PostgreSQL database from services.createDatabase), or in SQLite
 * in the user folder when none is given. Each process gets its own free HTTP and task-broker ports, so
 * several n8n processes can run at once. The Node.js that the n8n version (N8N_VERSION) needs comes first on PATH.
 */
async function n8nEnv({ userFolder, database, runtime = runtimeFor() }) {
	return {
		...runtimeEnv(process.env, runtime),
		N8N_USER_FOLDER: userFolder,
		N8N_CUSTOM_EXTENSIONS: resolve(ROOT, 'dist'),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENCRYPTION_KEY: 'customer-care-e2e-only-key',
		N8N_PORT: String(await freePort()),
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		GENERIC_TIMEZONE: 'UTC',
		...(database ? n8nDatabaseEnv(database) : { DB_TYPE: 'sqlite' }),
	};
}

module.exports = { n8nEnv };
