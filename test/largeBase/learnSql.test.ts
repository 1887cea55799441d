import { spawnSync } from 'child_process';
import { Client } from 'pg';
import { compress } from '../../nodes/shared/models';
import { dateMsReaderNotAfter } from '../../nodes/shared/input';
import { learnRfmCutPoints, learnRfmCutPointsFromHistograms, readHistogramRows } from '../../nodes/shared/segments';
import { describeWithService, POSTGRES, uniqueName } from '../helpers/services';

/**
 * The learn-step SQL the README gives, run on real PostgreSQL and MariaDB: its GROUP BY rows must teach
 * the nodes exactly what the customers one by one would. The SQL below is the README's, word for word
 * (with the table name and As Of filled in).
 */
const AS_OF = '2024-07-01';
const rfmHistogramSql = (table: string) => ({
	postgres: `SELECT 'recency' AS measure, last_purchase_at::text AS value, count(*) AS count FROM ${table} GROUP BY last_purchase_at
UNION ALL SELECT 'frequency', order_count::text, count(*) FROM ${table} GROUP BY order_count
UNION ALL SELECT 'monetary', total_spend::text, count(*) FROM ${table} GROUP BY total_spend`,
	mariadb: `SELECT 'recency' AS measure, CAST(last_purchase_at AS CHAR) AS value, COUNT(*) AS count FROM ${table} GROUP BY last_purchase_at
UNION ALL SELECT 'frequency', CAST(order_count AS CHAR), COUNT(*) FROM ${table} GROUP BY order_count
UNION ALL SELECT 'monetary', CAST(total_spend AS CHAR), COUNT(*) FROM ${table} GROUP BY total_spend`,
});
const churnGroupsSql = (table: string) => ({
	postgres: `SELECT order_count - 1 AS x, last_purchase_at - first_purchase_at AS tx, DATE '${AS_OF}' - first_purchase_at AS "T", count(*) AS customers
FROM ${table} GROUP BY 1, 2, 3`,
	mariadb: `SELECT order_count - 1 AS x, DATEDIFF(last_purchase_at, first_purchase_at) AS tx, DATEDIFF('${AS_OF}', first_purchase_at) AS T, COUNT(*) AS customers
FROM ${table} GROUP BY 1, 2, 3`,
});

interface Customer {
	first: string;
	last: string;
	orders: number;
	spend: string;
}

function customers(n: number): Customer[] {
	let seed = 9;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const asOfMs = Date.parse(AS_OF);
	return Array.from({ length: n }, () => {
		const orders = 1 + Math.floor(next() * next() * 12);
		const firstDay = 30 + Math.floor(next() * 700);
		const lastDay = orders === 1 ? firstDay : Math.floor(next() * firstDay);
		const day = (d: number) => new Date(asOfMs - d * 86_400_000).toISOString().slice(0, 10);
		return { first: day(firstDay), last: day(lastDay), orders, spend: (Math.floor(orders * next() * 9000) / 100).toFixed(2) };
	});
}

/** What the nodes learn from the customers read one by one, as a page query returns them (dates as text). */
function expected(all: Customer[]) {
	const asOf = new Date(`${AS_OF}T00:00:00Z`);
	const readMs = dateMsReaderNotAfter(asOf, { timeZone: 'UTC' });
	const rfm = learnRfmCutPoints(
		{
			recencyDays: Float64Array.from(all, (c) => (asOf.getTime() - readMs(c.last, 'last')) / 86_400_000),
			frequency: Float64Array.from(all, (c) => c.orders),
			monetary: Float64Array.from(all, (c) => Number(c.spend)),
		},
		5,
	);
	const days = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / 86_400_000;
	const churn = compress({
		x: all.map((c) => c.orders - 1),
		tx: all.map((c) => days(c.last, c.first)),
		T: all.map((c) => days(AS_OF, c.first)),
	});
	return { rfm, churn };
}

function checkLearned(all: Customer[], histogramRows: Array<Record<string, unknown>>, groupRows: Array<Record<string, unknown>>) {
	const want = expected(all);
	const histograms = readHistogramRows(histogramRows, { measure: 'measure', value: 'value', count: 'count' }, { asOf: new Date(`${AS_OF}T00:00:00Z`), timeZone: 'UTC' });
	expect(learnRfmCutPointsFromHistograms(histograms, 5)).toEqual(want.rfm);
	const grouped = compress(
		{ x: groupRows.map((r) => Number(r.x)), tx: groupRows.map((r) => Number(r.tx)), T: groupRows.map((r) => Number(r.T)) },
		groupRows.map((r) => Number(r.customers)),
	);
	expect(groupRows.length).toBeLessThan(all.length);
	expect([grouped.customers, grouped.x, grouped.tx, grouped.T, grouped.weight]).toEqual([want.churn.customers, want.churn.x, want.churn.tx, want.churn.T, want.churn.weight]);
}

const all = customers(3000);

describeWithService('postgres')('learn-step SQL on PostgreSQL', () => {
	it('histograms and grouped summaries teach what the customers one by one do', async () => {
		const client = new Client(POSTGRES);
		await client.connect();
		const table = uniqueName('learn_sql');
		try {
			await client.query(`CREATE TABLE ${table} (customer_id serial, first_purchase_at date, last_purchase_at date, order_count int, total_spend numeric(12, 2))`);
			await client.query(
				`INSERT INTO ${table} (first_purchase_at, last_purchase_at, order_count, total_spend) SELECT * FROM unnest($1::date[], $2::date[], $3::int[], $4::numeric[])`,
				[all.map((c) => c.first), all.map((c) => c.last), all.map((c) => c.orders), all.map((c) => c.spend)],
			);
			const histogram = await client.query(rfmHistogramSql(table).postgres);
			const groups = await client.query(churnGroupsSql(table).postgres);
			checkLearned(all, histogram.rows, groups.rows);
		} finally {
			await client.query(`DROP TABLE IF EXISTS ${table}`);
			await client.end();
		}
	});
});

/** MariaDB through its command-line client (tab-separated batch output), on 127.0.0.1:3306 as root, database `test`. */
function mariadb(sql: string): Array<Record<string, string>> {
	const result = spawnSync('mysql', ['-h', '127.0.0.1', '-P', '3306', '-u', 'root', '--batch', 'test', '-e', sql], { encoding: 'utf8', maxBuffer: 1 << 26 });
	if (result.status !== 0) throw new Error(`mysql: ${result.stderr}`);
	const [head, ...lines] = result.stdout.trim().split('\n');
	const names = head ? head.split('\t') : [];
	return lines.map((line) => Object.fromEntries(line.split('\t').map((v, i) => [names[i], v])));
}

const mariadbUp = spawnSync('mysql', ['-h', '127.0.0.1', '-u', 'root', 'test', '-e', 'SELECT 1'], { encoding: 'utf8' }).status === 0;
if (!mariadbUp && process.env.REQUIRE_SERVICES !== '1') process.stderr.write('skipped: MariaDB on 127.0.0.1:3306 is not reachable: "learn-step SQL on MariaDB" needs it.\n');

(mariadbUp || process.env.REQUIRE_SERVICES === '1' ? describe : describe.skip)('learn-step SQL on MariaDB', () => {
	it('histograms and grouped summaries teach what the customers one by one do', () => {
		const table = uniqueName('learn_sql');
		try {
			mariadb(`CREATE TABLE ${table} (customer_id int auto_increment primary key, first_purchase_at date, last_purchase_at date, order_count int, total_spend decimal(12, 2))`);
			const values = all.map((c) => `('${c.first}', '${c.last}', ${c.orders}, ${c.spend})`).join(',');
			mariadb(`INSERT INTO ${table} (first_purchase_at, last_purchase_at, order_count, total_spend) VALUES ${values}`);
			checkLearned(all, mariadb(rfmHistogramSql(table).mariadb), mariadb(churnGroupsSql(table).mariadb));
		} finally {
			mariadb(`DROP TABLE IF EXISTS ${table}`);
		}
	});
});
