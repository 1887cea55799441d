#!/usr/bin/env node
// Generates the table examples/large-base-churn-watch.json reads, customer_totals (one row per customer, as
// of 2024-07-01, the As Of of both large-base examples), and the empty customer_care_scores its page workflow
// writes, creating the database when it is missing: the same deterministic data as the e2e suite `large-base` (test/e2e/largeBase/data.js).
//   node scripts/sample-data/large-base.js [--customers 100000] [--database care_demo] [--host] [--port] [--user]
// PostgreSQL is found as by load.js (./connection.js): flags, then PGHOST, PGPORT, PGUSER; PGPASSWORD or ~/.pgpass.
const { isLoginRefused, loginRefusedLine, option, postgresTarget } = require('./connection');
const { ensureDatabase } = require('./load');
const { generateCustomers } = require('../../test/e2e/largeBase/data');

const MAX_CUSTOMERS = 100_000_000;

/** The --customers flag: a whole number from 1 to 100,000,000 (digits, optionally grouped by , or _). */
function customerCount(argv = process.argv) {
	const text = option(argv, 'customers', '100000');
	const count = /^\d{1,3}([,_]?\d{3})*$/.test(text) ? Number(text.replace(/[,_]/g, '')) : NaN;
	if (!Number.isSafeInteger(count) || count < 1 || count > MAX_CUSTOMERS) {
		throw new Error(`--customers is "${text}", which is not a number of customers (expected a whole number from 1 to 100,000,000)`);
	}
	return count;
}

async function main() {
	const customers = customerCount();
	const db = postgresTarget().connection;
	const started = Date.now();
	try {
		await ensureDatabase(db);
		await generateCustomers(db, customers, (line) => console.log(`    ${line}`));
	} catch (error) {
		const why = isLoginRefused(error) ? loginRefusedLine(db, error, '--user <name> with PGPASSWORD=<password>') : `PostgreSQL on ${db.host}:${db.port}: ${error.message}`;
		throw new Error(`could not generate customer_totals in ${db.database}. ${why}`);
	}
	console.log(`customer_totals in ${db.database} on ${db.host}:${db.port}: ${customers.toLocaleString('en-US')} customers as of 2024-07-01 (${((Date.now() - started) / 1000).toFixed(1)} s); customer_care_scores is empty`);
}

if (require.main === module) {
	main().catch((error) => {
		console.error(`Large base sample: ${error.message}`);
		process.exitCode = 1;
	});
}

module.exports = { customerCount };
