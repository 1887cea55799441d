// Where the sample data goes, read the same way by `npm run demo` and `node scripts/sample-data/load.js`:
// the flags --host, --port, --user, --database first, then libpq's variables PGHOST, PGPORT, PGUSER
// (PGDATABASE is not used: the sample tables are dropped and re-created in the database), then the defaults.
// The password comes from PGPASSWORD; unset, the pg client looks in ~/.pgpass.

/** PostgreSQL options, named by the same words in every message about them. */
const PG_FLAGS = ['host', 'port', 'user', 'database'];

/** The value after `--<name>` in argv, or the fallback. */
function option(argv, name, fallback) {
	const at = argv.indexOf(`--${name}`);
	return at > 0 && argv[at + 1] ? argv[at + 1] : fallback;
}

/** The connection, and whether one of the PostgreSQL flags asked for it explicitly. */
function postgresTarget(argv = process.argv, env = process.env) {
	const port = option(argv, 'port', env.PGPORT || '5432');
	if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
		throw new Error(`the PostgreSQL port is "${port}" (from ${argv.includes('--port') ? '--port' : 'PGPORT'}), which is not a port number (expected 1 to 65535)`);
	}
	return {
		connection: {
			host: option(argv, 'host', env.PGHOST || '127.0.0.1'),
			port: Number(port),
			user: option(argv, 'user', env.PGUSER || 'postgres'),
			password: env.PGPASSWORD,
			database: option(argv, 'database', 'care_demo'),
		},
		explicit: PG_FLAGS.some((flag) => argv.includes(`--${flag}`)),
	};
}

/** Whether an error is PostgreSQL (or the pg client) refusing the login rather than anything else. */
function isLoginRefused(error) {
	return ['28P01', '28000'].includes(error?.code) || /^SASL|password/i.test(error?.message ?? '');
}

/** The one line said when PostgreSQL refuses the login: what was tried and how to fix it. */
function loginRefusedLine({ host, port, user, password }, error, fixes = '--user <name> with PGPASSWORD=<password>, or --offline to use no database') {
	const tried = `user "${user}" ${password === undefined ? 'without a password (PGPASSWORD is not set)' : 'with the password in PGPASSWORD'}`;
	// The pg client's words for "the server asked for a password and none was given".
	const why = password === undefined && /^SASL/.test(error.message) ? 'the server wants a password' : error.message;
	return `PostgreSQL on ${host}:${port} refused ${tried}: ${why}. Fix: ${fixes}.`;
}

/** A psql command line that reaches the same database (for hints printed to the user). */
function psqlCommand({ host, port, user, database }, sql) {
	const quote = (text) => `'${String(text).replace(/'/g, `'\\''`)}'`;
	return `psql -h ${quote(host)} -p ${port} -U ${quote(user)} -d ${quote(database)} -c ${quote(sql)}`;
}

module.exports = { PG_FLAGS, option, postgresTarget, isLoginRefused, loginRefusedLine, psqlCommand };
