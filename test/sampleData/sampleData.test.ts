// The sample data (examples/data/seed.sql + sample-data.json) loaded into a fresh PostgreSQL database.
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { Client } from 'pg';
import { summariseTransactions } from '../../nodes/shared/customers/summarise';
import { fitBgNbd } from '../../nodes/shared/models';
import { describeWithService } from '../helpers/services';

// Plain Node modules shared with the e2e runner and the demo.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createDatabase } = require('../e2e/services');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadSampleData } = require('../../scripts/sample-data/load');

const ROOT = resolve(__dirname, '..', '..');
const DATA = join(ROOT, 'examples', 'data');
const json = JSON.parse(readFileSync(join(DATA, 'sample-data.json'), 'utf8'));
const AS_OF = '2026-03-02T09:00:00+08:00';

type Row = Record<string, unknown>;
let database: { host: string; port: number; user: string; password: string; database: string; drop(): Promise<void> };
let client: Client;
const rows = async (sql: string, params: unknown[] = []): Promise<Row[]> => (await client.query(sql, params)).rows;

describeWithService('postgres')('sample data in PostgreSQL', () => {
	beforeAll(async () => {
		database = await createDatabase('care_sample_test');
		const { drop, ...connection } = database;
		await loadSampleData(connection);
		// A second load replaces the tables instead of failing or doubling the rows.
		await loadSampleData(connection);
		client = new Client(connection);
		await client.connect();
	});

	afterAll(async () => {
		await client?.end();
		await database?.drop();
	});

	it('has the row counts of the JSON file, about 3,000 customers, 8 account managers and an empty status table', async () => {
		const [counts] = await rows(`SELECT
			(SELECT count(*)::int FROM account_managers) AS managers, (SELECT count(*)::int FROM customers) AS customers,
			(SELECT count(*)::int FROM orders) AS orders, (SELECT count(*)::int FROM survey_responses) AS surveys,
			(SELECT count(*)::int FROM customer_care_status) AS status`);
		expect(counts).toEqual({
			managers: json.accountManagers.length,
			customers: json.customers.length,
			orders: json.orders.length,
			surveys: json.surveyResponses.length,
			status: 0,
		});
		expect(counts.managers).toBe(8);
		expect(counts.customers).toBe(3000);
		expect(counts.orders).toBeGreaterThan(10_000);
		expect(counts.surveys).toBeGreaterThan(200);
		expect(json.asOf).toBe(AS_OF);
	});

	it('every order and survey response belongs to an existing customer, every manager reference exists', async () => {
		const [orphans] = await rows(`SELECT
			(SELECT count(*)::int FROM orders o WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = o.customer_id)) AS orders,
			(SELECT count(*)::int FROM survey_responses s WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = s.customer_id)) AS surveys,
			(SELECT count(*)::int FROM customers c WHERE c.account_manager IS NOT NULL
				AND NOT EXISTS (SELECT 1 FROM account_managers m WHERE m.manager_id = c.account_manager)) AS managers`);
		expect(orphans).toEqual({ orders: 0, surveys: 0, managers: 0 });
	});

	it('keeps orders between 2024-01-01 and the as-of, survey answers in the 30 days before it, values in range', async () => {
		const [span] = await rows(`SELECT
			(SELECT count(*)::int FROM orders WHERE ordered_at < '2024-01-01T00:00:00+08:00' OR ordered_at > $1) AS orders_outside,
			(SELECT count(*)::int FROM orders WHERE amount <= 0 OR currency <> 'CNY' OR channel NOT IN ('store', 'online')) AS bad_orders,
			(SELECT count(*)::int FROM survey_responses WHERE answered_at > $1 OR answered_at < $1::timestamptz - interval '31 days') AS surveys_outside,
			(SELECT count(*)::int FROM survey_responses WHERE nps NOT BETWEEN 0 AND 10 OR csat NOT BETWEEN 1 AND 5 OR ces NOT BETWEEN 1 AND 7
				OR expectation NOT IN ('exceeded', 'met', 'below')) AS bad_surveys,
			(SELECT count(*)::int FROM customers c WHERE signup_at > (SELECT min(ordered_at) FROM orders o WHERE o.customer_id = c.customer_id)) AS orders_before_signup,
			(SELECT count(*)::int FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id)) AS without_orders`, [AS_OF]);
		expect(span).toEqual({ orders_outside: 0, bad_orders: 0, surveys_outside: 0, bad_surveys: 0, orders_before_signup: 0, without_orders: 0 });
	});

	it('looks like real customers: zh-CN and English names, E.164 phones, time zones, 29 Feb and lunar birthdays, consent states', async () => {
		const [mix] = await rows(`SELECT
			avg((language = 'zh-CN')::int)::float8 AS zh_share,
			count(*) FILTER (WHERE language = 'zh-CN' AND name !~ '^[\\u4e00-\\u9fff]{2,3}$')::int AS zh_not_chinese,
			count(*) FILTER (WHERE language = 'en' AND name !~ '^[A-Z][a-z]+ [A-Z][a-z]+$')::int AS en_not_two_words,
			count(*) FILTER (WHERE phone IS NOT NULL AND phone !~ '^\\+[1-9][0-9]{7,14}$')::int AS bad_phones,
			count(*) FILTER (WHERE phone ~ '^\\+861[3-9][0-9]{9}$')::int AS cn_mobiles,
			count(*) FILTER (WHERE phone IS NOT NULL AND phone !~ '^\\+86')::int AS other_phones,
			count(*) FILTER (WHERE email IS NULL AND phone IS NULL)::int AS unreachable,
			count(DISTINCT time_zone)::int AS time_zones,
			avg((time_zone = 'Asia/Shanghai')::int)::float8 AS shanghai_share,
			count(*) FILTER (WHERE to_char(birthday, 'MM-DD') = '02-29')::int AS feb29,
			count(*) FILTER (WHERE lunar_birthday ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')::int AS lunar,
			count(*) FILTER (WHERE lunar_birthday ~ '^[0-9]{4}-L[0-9]{2}-[0-9]{2}$')::int AS lunar_leap,
			count(*) FILTER (WHERE marketing_consent = 'granted')::int AS granted,
			count(*) FILTER (WHERE marketing_consent = 'withdrawn')::int AS withdrawn,
			count(*) FILTER (WHERE marketing_consent IS NULL)::int AS never_asked,
			count(DISTINCT account_manager)::int AS managers
			FROM customers`);
		expect(mix.zh_share).toBeGreaterThan(0.55);
		expect(mix.zh_share).toBeLessThan(0.7);
		expect([mix.zh_not_chinese, mix.en_not_two_words, mix.bad_phones, mix.unreachable]).toEqual([0, 0, 0, 0]);
		expect(mix.cn_mobiles).toBeGreaterThan(1000);
		expect(mix.other_phones).toBeGreaterThan(100);
		expect(mix.time_zones).toBe(5);
		expect(mix.shanghai_share).toBeGreaterThan(0.7);
		expect(mix.feb29).toBeGreaterThanOrEqual(1);
		expect(mix.lunar).toBeGreaterThan(100);
		expect(mix.lunar_leap).toBeGreaterThanOrEqual(1);
		expect(Math.min(Number(mix.granted), Number(mix.withdrawn), Number(mix.never_asked))).toBeGreaterThan(100);
		expect(mix.managers).toBe(8);
	});

	it('has the documented story customers C0001-C0012', async () => {
		const story = await rows(
			`SELECT c.customer_id, c.name, c.language, c.time_zone, to_char(c.birthday, 'YYYY-MM-DD') AS birthday, c.lunar_birthday,
				c.marketing_consent, c.email IS NOT NULL AS has_email, c.phone IS NOT NULL AS has_phone, c.last_contacted_at,
				count(o.*)::int AS orders, max(o.ordered_at) AS last_order
			FROM customers c LEFT JOIN orders o USING (customer_id)
			WHERE c.customer_id BETWEEN 'C0001' AND 'C0012' GROUP BY c.customer_id ORDER BY c.customer_id`,
		);
		const byId = new Map(story.map((r) => [r.customer_id, r]));
		expect([...byId.keys()]).toEqual(Array.from({ length: 12 }, (_, i) => `C${String(i + 1).padStart(4, '0')}`));
		expect(byId.get('C0001')).toMatchObject({ name: '王芳', birthday: '1985-03-02', marketing_consent: 'granted', has_email: true });
		expect(byId.get('C0001')!.orders).toBeGreaterThan(80);
		expect(byId.get('C0002')).toMatchObject({ language: 'en', time_zone: 'Europe/London', birthday: '1991-03-03', has_phone: false });
		expect(byId.get('C0003')).toMatchObject({ name: '李伟', birthday: '1988-02-29' });
		expect(byId.get('C0004')).toMatchObject({ lunar_birthday: '1979-01-15', birthday: null, has_email: false, has_phone: true });
		expect(byId.get('C0005')).toMatchObject({ birthday: '1993-03-03', marketing_consent: 'withdrawn' });
		expect(byId.get('C0006')).toMatchObject({ birthday: '1990-03-03', marketing_consent: 'granted' });
		expect((byId.get('C0006')!.last_contacted_at as Date).toISOString()).toBe('2026-03-01T06:00:00.000Z');
		expect((byId.get('C0007')!.last_order as Date).toISOString()).toBe('2025-10-08T02:00:00.000Z');
		expect(byId.get('C0007')!.orders).toBeGreaterThan(80);
		expect(byId.get('C0008')).toMatchObject({ time_zone: 'Asia/Singapore', orders: 1, marketing_consent: null });
		expect(byId.get('C0011')).toMatchObject({ lunar_birthday: '1987-L06-10' });
		expect(byId.get('C0012')).toMatchObject({ language: 'en', time_zone: 'America/New_York', orders: 1, marketing_consent: null });

		const answers = await rows(`SELECT customer_id, nps, expectation FROM survey_responses WHERE customer_id IN ('C0009', 'C0010', 'C0011') ORDER BY customer_id`);
		expect(answers).toEqual([
			{ customer_id: 'C0009', nps: 2, expectation: 'below' },
			{ customer_id: 'C0010', nps: 8, expectation: 'below' },
			{ customer_id: 'C0011', nps: 10, expectation: 'exceeded' },
		]);
	});

	it('the JSON file holds exactly the rows of the SQL seed', async () => {
		const stamp = (v: unknown) => (v === null ? null : new Date(v as string).getTime());
		const normalise = (table: Row[], columns: Record<string, 'text' | 'number' | 'time'>) =>
			table.map((r) =>
				Object.fromEntries(
					Object.entries(columns).map(([c, kind]) => [c, r[c] === null ? null : kind === 'time' ? stamp(r[c]) : kind === 'number' ? Number(r[c]) : String(r[c])]),
				),
			);
		const tables: Array<[string, string, Row[], Record<string, 'text' | 'number' | 'time'>]> = [
			['account_managers', 'manager_id', json.accountManagers, { manager_id: 'text', name: 'text', mobile: 'text', daily_capacity: 'number' }],
			['customers', 'customer_id', json.customers, {
				customer_id: 'text', name: 'text', language: 'text', email: 'text', phone: 'text', time_zone: 'text', birthday: 'text',
				lunar_birthday: 'text', marketing_consent: 'text', account_manager: 'text', city: 'text', signup_at: 'time', last_contacted_at: 'time',
			}],
			['orders', 'order_id', json.orders, { order_id: 'text', customer_id: 'text', ordered_at: 'time', amount: 'number', currency: 'text', channel: 'text' }],
			['survey_responses', 'response_id', json.surveyResponses, {
				response_id: 'text', customer_id: 'text', store: 'text', answered_at: 'time', nps: 'number', csat: 'number', ces: 'number',
				expectation: 'text', comment: 'text',
			}],
		];
		for (const [table, key, fromJson, columns] of tables) {
			// Dates as text so that no time zone gets between the database and the comparison.
			const select = Object.keys(columns).map((c) => (c === 'birthday' ? `to_char(birthday, 'YYYY-MM-DD') AS birthday` : c)).join(', ');
			const fromSql = await rows(`SELECT ${select} FROM ${table} ORDER BY ${key}`);
			const sortedJson = [...fromJson].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
			expect(Object.keys(sortedJson[0]).sort()).toEqual(Object.keys(columns).sort());
			expect(normalise(fromSql, columns)).toEqual(normalise(sortedJson, columns));
		}
	});
});

describe('sample data files', () => {
	it('the generator is deterministic and the committed files are what it writes', () => {
		const out = mkdtempSync(join(tmpdir(), 'care-sample-'));
		try {
			execFileSync(process.execPath, [join(ROOT, 'scripts', 'sample-data', 'generate.js'), out]);
			for (const file of ['seed.sql', 'sample-data.json']) {
				expect(readFileSync(join(out, file), 'utf8') === readFileSync(join(DATA, file), 'utf8')).toBe(true);
			}
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	});

	it('the orders come from a repeat-purchase process that a BG/NBD fit converges on', () => {
		const summaries = summariseTransactions(
			json.orders.map((o: Row) => ({ customerId: o.customer_id as string, date: new Date(o.ordered_at as string), amount: o.amount as number })),
			{ asOf: new Date(AS_OF), unit: 'weeks', collapseSameDay: true, timeZone: 'Asia/Shanghai' },
		);
		const fit = fitBgNbd(summaries);
		expect(fit.converged).toBe(true);
		expect(fit.customers).toBe(3000);
		const { r, alpha, a, b } = fit.params;
		for (const value of [r, alpha, a, b]) expect(Number.isFinite(value) && value > 0).toBe(true);
		// One-time buyers, lapsed customers and frequent buyers all occur.
		const oneTime = summaries.filter((s) => s.x === 0).length;
		const lapsed = summaries.filter((s) => s.x > 0 && s.T - s.tx > 26).length;
		const frequent = summaries.filter((s) => s.x >= 20).length;
		expect(Math.min(oneTime, lapsed, frequent)).toBeGreaterThan(50);
	});
});
