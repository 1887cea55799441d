#!/usr/bin/env node
// Loads examples/data/seed.sql into a PostgreSQL database, creating the database when it is missing.
//   node scripts/sample-data/load.js [--database care_demo] [--host 127.0.0.1] [--port 5432] [--user postgres]
// PGHOST, PGPORT and PGUSER stand in for a missing flag, as in `npm run demo` (./connection.js); the password
// comes from PGPASSWORD or, unset, ~/.pgpass.
const { readFileSync } = require('fs');
const { join } = require('path');
const { Client } = require('pg');
const { isLoginRefused, loginRefusedLine, postgresTarget } = require('./connection');

const SEED = join(__dirname, '..', '..', 'examples', 'data', 'seed.sql');

async function ensureDatabase(db) {
	const admin = new Client({ ...db, database: 'postgres' });
	await admin.connect();
	try {
		const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db.database]);
		if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${db.database.replace(/"/g, '""')}"`);
	} finally {
		await admin.end();
	}
}

/** Creates `db.database` if needed and (re)creates the sample tables in it. Returns the row counts. */
async function loadSampleData(db) {
	await ensureDatabase(db);
	const client = new Client(db);
	await client.connect();
	try {
		await client.query(readFileSync(SEED, 'utf8'));
		const counts = {};
		for (const table of ['account_managers', 'customers', 'orders', 'survey_responses', 'care_campaign_assignments', 'care_campaign_outcomes']) {
			counts[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
		}
		return counts;
	} finally {
		await client.end();
	}
}

if (require.main === module) {
	let db;
	try {
		db = postgresTarget().connection;
	} catch (error) {
		console.error(`Could not load the sample data: ${error.message}`);
		process.exit(1);
	}
	loadSampleData(db)
		.then((counts) => console.log(`Loaded the sample data into ${db.database} on ${db.host}:${db.port}: ${Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(', ')}`))
		.catch((error) => {
			const why = isLoginRefused(error) ? loginRefusedLine(db, error, '--user <name> with PGPASSWORD=<password>') : `PostgreSQL on ${db.host}:${db.port}: ${error.message}`;
			console.error(`Could not load the sample data into ${db.database}. ${why}`);
			process.exitCode = 1;
		});
}

module.exports = { ensureDatabase, loadSampleData, SEED };
