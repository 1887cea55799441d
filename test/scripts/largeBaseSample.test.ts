// node scripts/sample-data/large-base.js: the customer_totals table the large-base examples read, so a user
// can run them without a base of their own.
import { spawnSync } from 'child_process';
import { join, resolve } from 'path';
import { Client } from 'pg';
import { describeWithService } from '../helpers/services';

// Plain Node modules of the scripts and the e2e helpers.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { customerCount } = require('../../scripts/sample-data/large-base');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createDatabase } = require('../e2e/services');

const SCRIPT = join(resolve(__dirname, '..', '..'), 'scripts', 'sample-data', 'large-base.js');

describe('large-base sample: --customers', () => {
	it('reads whole numbers, grouped or not, and defaults to 100,000', () => {
		expect(customerCount(['node', 'x'])).toBe(100_000);
		expect(customerCount(['node', 'x', '--customers', '2500'])).toBe(2500);
		expect(customerCount(['node', 'x', '--customers', '1,000,000'])).toBe(1_000_000);
		expect(customerCount(['node', 'x', '--customers', '1_000'])).toBe(1000);
	});

	it.each(['0', '1e5', '-5', '12.5', '1,00', 'many', '100000001'])('refuses %s, naming the value and the range', (text) => {
		expect(() => customerCount(['node', 'x', '--customers', text])).toThrow(
			`--customers is "${text}", which is not a number of customers (expected a whole number from 1 to 100,000,000)`,
		);
	});
});

describeWithService('postgres')('large-base sample in PostgreSQL', () => {
	let database: { host: string; port: number; user: string; password: string; database: string; drop(): Promise<void> };
	afterAll(async () => {
		await database?.drop();
	});

	it('creates customer_totals with the asked number of customers as of 2024-07-01, and an empty customer_care_scores', async () => {
		database = await createDatabase('care_large_sample');
		const run = spawnSync(process.execPath, [SCRIPT, '--customers', '2,000', '--database', database.database], {
			env: { PATH: process.env.PATH, PGHOST: database.host, PGPORT: String(database.port), PGUSER: database.user, PGPASSWORD: database.password },
			encoding: 'utf8',
			timeout: 60_000,
		});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toContain(`customer_totals in ${database.database} on ${database.host}:${database.port}: 2,000 customers as of 2024-07-01`);
		const { drop, ...connection } = database;
		void drop;
		const client = new Client(connection);
		await client.connect();
		try {
			const [totals] = (await client.query("SELECT count(*)::int AS n, max(last_purchase_at)::text AS last, min(order_count) AS fewest FROM customer_totals")).rows;
			expect(totals).toEqual({ n: 2000, last: '2024-07-01', fewest: 1 });
			expect((await client.query('SELECT count(*)::int AS n FROM customer_care_scores')).rows[0].n).toBe(0);
		} finally {
			await client.end();
		}
	});
});
