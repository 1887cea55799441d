// The environment a real n8n process runs with in the e2e tests and the demo.
const { resolve } = require('path');

const ROOT = resolve(__dirname, '..', '..');

/** n8n's own database: SQLite in the user folder unless N8N_E2E_DB=postgres asks for PostgreSQL. */
async function n8nEnv({ userFolder }) {
	const env = {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_CUSTOM_EXTENSIONS: resolve(ROOT, 'dist'),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENCRYPTION_KEY: 'customer-care-e2e-only-key',
		GENERIC_TIMEZONE: 'UTC',
		DB_TYPE: 'sqlite',
	};
	return env;
}

module.exports = { n8nEnv };
