import Redis from 'ioredis';
import { Client } from 'pg';
import { POSTGRES, REDIS } from './services';

/** Removes every key a test wrote under its Redis key prefix. */
export async function dropRedisKeys(prefix: string): Promise<void> {
	const client = new Redis({ ...REDIS, lazyConnect: true });
	await client.connect();
	try {
		const keys = await client.keys(`${prefix}*`);
		if (keys.length) await client.del(...keys);
	} finally {
		await client.quit();
	}
}

/** Drops a test's ledger table from the test PostgreSQL. */
export async function dropPostgresTable(table: string): Promise<void> {
	const client = new Client(POSTGRES);
	await client.connect();
	try {
		await client.query(`DROP TABLE IF EXISTS "${table}"`);
	} finally {
		await client.end();
	}
}
