// One query against the sample database of an e2e run (context.sampleDb), on a connection of its own.
const { Client } = require('pg');

async function query(context, sql, params) {
	const client = new Client(context.sampleDb);
	await client.connect();
	try {
		return (await client.query(sql, params)).rows;
	} finally {
		await client.end();
	}
}

module.exports = { query };
