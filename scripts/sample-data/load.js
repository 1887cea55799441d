#!/usr/bin/env node
// Loads examples/data/seed.sql into a PostgreSQL database, creating the database when it is missing.
//   node scripts/sample-data/load.js [--database care_demo] [--host 127.0.0.1] [--port 5432] [--user postgres]
// The password, if any, comes from PGPASSWORD.
const { readFileSync } = require('fs');
const { join } = require('path');
const { Client } = require('pg');

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

function argument(name, fallback) {
	const at = process.argv.indexOf(`--${name}`);
	return at > 0 ? process.argv[at + 1] : fallback;
}

if (require.main === module) {
	const db = {
		host: argument('host', '127.0.0.1'),
		port: Number(argument('port', 5432)),
		user: argument('user', 'postgres'),
		password: process.env.PGPASSWORD ?? '',
		database: argument('database', 'care_demo'),
	};
	loadSampleData(db)
		.then((counts) => console.log(`Loaded the sample data into ${db.database}: ${Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(', ')}`))
		.catch((error) => {
			console.error(`Could not load the sample data into ${db.database} on ${db.host}:${db.port}: ${error.message}`);
			process.exitCode = 1;
		});
}

module.exports = { loadSampleData, SEED };
