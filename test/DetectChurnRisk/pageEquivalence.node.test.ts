import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';
import { setGeneratedItems } from '../helpers/testNodes';
import { cdnowSummary } from '../models/cdnowData';
import { beta, gamma, rng, simulateBgNbd, simulateParetoNbd, type Simulated } from '../models/simulate';

/**
 * Learn once, apply page by page, generatively: seeded random bases simulated from known parameters,
 * with the hard cases (no repeat purchase, last purchase at the as-of date, many identical customers,
 * numbers as text on some pages, rejected items). For every model and input shape:
 * - learn: the fit over the customers one by one equals the fit over their GROUP BY rows with a count
 *   (rows of one history split over several items, counts as text, rows counting 0), bit for bit;
 * - apply: random uneven pages (one customer, none) scored with the Model item give every item exactly
 *   the output of the one run over everyone, rejected items included.
 */
const asOf = '2024-07-01T00:00:00Z';
const AS_OF_MS = Date.parse(asOf);
const DAY_MS = 86_400_000;
const OUTPUTS = ['at risk', 'healthy', 'model', 'error'];

type Row = Record<string, unknown>;
type Random = () => number;

interface Run {
	/** Per input item: which output it left on and its json (undefined: it left on none). */
	placed: Array<{ output: string; json: IDataObject } | undefined>;
	/** How many output items each input item was paired with (must be exactly one). */
	times: number[];
	model?: IDataObject;
	error?: string;
}

let runs = 0;
async function run(items: Row[], parameters: IDataObject): Promise<Run> {
	const key = `equivalence${runs++}`;
	setGeneratedItems(key, items);
	const result = await runNode({ type: 'detectChurnRisk', parameters: { asOf, ...parameters }, items: [], generatedKey: key, onError: 'continueErrorOutput' });
	setGeneratedItems(key, []);
	const outputs: INodeExecutionData[][] = result.run.data.resultData.runData[NODE_UNDER_TEST]?.[0]?.data?.main?.map((list) => list ?? []) ?? [];
	const placed: Run['placed'] = new Array(items.length).fill(undefined);
	const times = new Array<number>(items.length).fill(0);
	outputs.forEach((list, output) => {
		if (OUTPUTS[output] === 'model') return;
		for (const item of list) {
			for (const pair of [item.pairedItem ?? []].flat()) {
				const index = typeof pair === 'number' ? pair : pair.item;
				placed[index] = { output: OUTPUTS[output], json: item.json };
				times[index]++;
			}
		}
	});
	return { placed, times, model: outputs[2]?.[0]?.json, error: result.error?.message };
}

/** Cut points of uneven pages over n items: one page of a single item and one empty page among them. */
function pageEnds(n: number, u: Random): number[] {
	const cuts = new Set<number>([0, n]);
	const single = 1 + Math.floor(u() * (n - 2));
	cuts.add(single);
	cuts.add(single + 1);
	while (cuts.size < 7) cuts.add(Math.floor(u() * n));
	const sorted = [...cuts].sort((p, q) => p - q);
	// The empty page: a cut repeated.
	const at = 1 + Math.floor(u() * (sorted.length - 2));
	return [...sorted.slice(0, at), sorted[at], ...sorted.slice(at)];
}

/** Text as a driver gives numbers (a numeric column read as text): the number's own digits. */
function asText(row: Row, fields: string[]): Row {
	const out = { ...row };
	for (const f of fields) if (typeof out[f] === 'number') out[f] = String(out[f]);
	return out;
}

/**
 * The pages of a base (items already in their run order), each page given with its numbers as text or
 * as numbers at random. Returns the pages and the base as the one run sees it (the same items).
 */
function paged(base: Row[], numberFields: string[], u: Random): { pages: Row[][]; all: Row[] } {
	const ends = pageEnds(base.length, u);
	const pages: Row[][] = [];
	for (let p = 1; p < ends.length; p++) {
		const text = u() < 0.5;
		pages.push(base.slice(ends[p - 1], ends[p]).map((row) => (text ? asText(row, numberFields) : row)));
	}
	return { pages, all: pages.flat() };
}

/** The Model item as a Parameters JSON expression (indented: "}}" would end the expression). */
const asExpression = (model: IDataObject) => `={{ (${JSON.stringify(model, null, 1)}) }}`;

/** A value with every number in it written as its digits. */
function numbersAsText(value: unknown): unknown {
	if (typeof value === 'number') return String(value);
	if (Array.isArray(value)) return value.map(numbersAsText);
	if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numbersAsText(v)]));
	return value;
}

/** An item's place with its error's item number shifted by `by`, as its page's start in the one run. */
function renumbered(placed: Run['placed'][number], by: number): Run['placed'][number] {
	const error = placed?.json.error;
	if (typeof error !== 'string') return placed;
	return { ...placed!, json: { ...placed!.json, error: error.replace(/^Item (\d+):/, (_, n: string) => `Item ${Number(n) + by}:`) } };
}

/** Every page scored with the one run's Model item gives each item exactly the one run's output. */
async function expectPagesEqualOneRun(pages: Row[][], parameters: IDataObject): Promise<Run> {
	const whole = await run(pages.flat(), parameters);
	expect(whole.error).toBeUndefined();
	expect(whole.times.every((n) => n === 1)).toBe(true);
	expect([whole.placed.find((p) => p?.output === 'error' && !/^Item \d+: field/.test(String(p.json.error)))?.json.error, whole.model]).toMatchObject([undefined, { source: 'fitted' }]);
	let start = 0;
	for (const [p, page] of pages.entries()) {
		// Every other page reads the Model item back from a database's numeric columns: its numbers as text.
		const model = p % 2 === 1 ? numbersAsText(whole.model!) : whole.model!;
		const result = await run(page, { ...parameters, modelSource: 'supplied', suppliedParameters: asExpression(model as IDataObject) });
		expect(result.error).toBeUndefined();
		expect(result.times.every((n) => n === 1)).toBe(true);
		// An error names the item by its place in its own run's input.
		expect(result.placed.map((p) => renumbered(p, start))).toEqual(whole.placed.slice(start, start + page.length));
		start += page.length;
	}
	return whole;
}

// ---- Purchase histories (BG/NBD, Pareto/NBD) ----

const bgNbdCustomers = (n: number, seed: number) => simulateBgNbd(n, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, seed, true);
/** The customers each method is tried on (Rules Only: BG/NBD's, mostly one-time buyers). */
const simulators: Record<string, (n: number, seed: number) => Simulated[]> = {
	bgNbd: bgNbdCustomers,
	paretoNbd: (n, seed) => simulateParetoNbd(n, { r: 0.55, alpha: 10.58, s: 0.8, beta: 5 }, seed, true),
	rules: bgNbdCustomers,
};

interface Customer {
	x: number;
	/** In whole days. */
	txDays: number;
	TDays: number;
	/** Whole-money mean repeat spend ('' without repeat purchases), as a rounded SQL average gives it. */
	monetary: number | '';
}

/**
 * A simulated base in whole days with the hard cases: customers whose last purchase is at the as-of
 * date (t_x = T), one history shared by many customers, and whatever the simulation gives (most have
 * no repeat purchase).
 */
function simulatedBase(method: string, n: number, seed: number): Customer[] {
	const u = rng(seed * 7 + 1);
	// Gamma-Gamma spends (p 6.25, q 3.74, gamma 15.44, CDNOW's): the mean of x spends, in whole money.
	const spend = (x: number) => (x > 0 ? Math.max(1, Math.round(gamma(u, 6.25 * x, x * gamma(u, 3.74, 15.44)))) : '');
	const customers: Customer[] = simulators[method](n, seed).map((c) => {
		const x = c.x;
		return { x, txDays: Math.round(c.tx * 7), TDays: Math.round(c.T * 7), monetary: spend(x) };
	});
	for (let i = 0; i < n / 50; i++) {
		const x = 1 + Math.floor(u() * 6);
		const TDays = 280 + Math.floor(u() * 84);
		customers.push({ x, txDays: TDays, TDays, monetary: spend(x) });
	}
	const shared = customers.find((c) => c.x > 0)!;
	for (let i = 0; i < n / 10; i++) customers.splice(Math.floor(u() * customers.length), 0, { ...shared });
	return customers;
}

/**
 * The GROUP BY rows of the same customers (with rejected rows among them) fit the one run's Model item, and
 * each row is scored as every customer it stands for.
 */
async function expectGroupByRowsAsOneRun(summaries: Row[], pages: Row[][], whole: Run, parameters: IDataObject, u: Random): Promise<void> {
	const rows = withRejected(groupByRows(summaries, u), REJECTED_SUMMARIES, u, (i) => `bad${i}`);
	const grouped = await run(rows, { ...parameters, countColumn: 'customers' });
	expect(grouped.error).toBeUndefined();
	expect(grouped.model).toEqual(whole.model);
	const member = new Map(pages.flat().map((row, i) => [summaryKey(row), i]));
	rows.forEach((row, i) => {
		const at = member.get(summaryKey(row));
		if (at === undefined || whole.placed[at]?.output === 'error') return;
		expect([row.customerId, grouped.placed[i]?.json.churn]).toEqual([row.customerId, whole.placed[at]?.json.churn]);
	});
}

/** Items of no usable customer, each its own error in every run. */
const REJECTED_SUMMARIES: Row[] = [
	{ x: -1, tx: 0, T: 10 },
	{ x: 2, tx: 12, T: 10 },
	{ x: 'N/A', tx: 1, T: 10 },
	{ x: 1, tx: 1, T: '' },
	{ x: 0, tx: 3, T: 10 },
	{ x: 1, tx: 2, T: 5, monetary: 'abc' },
];

function withRejected(rows: Row[], rejected: Row[], u: Random, id: (i: number) => string): Row[] {
	const out = [...rows];
	rejected.forEach((row, i) => out.splice(Math.floor(u() * out.length), 0, { customerId: id(i), ...row }));
	return out;
}

const summaryRow = (c: Customer, unitDays: number): Row => ({ x: c.x, tx: c.txDays / unitDays, T: c.TDays / unitDays, monetary: c.monetary });
const summaryKey = (row: Row) => `${row.x}|${row.tx}|${row.T}|${row.monetary}`;

/**
 * The GROUP BY rows of the summaries with a count column: the rows of one history split over one to
 * three items whose counts add up (as UNION ALL of partitions gives them), some counts as text, rows
 * counting 0 customers (a history of no customer, or one already counted), in random order.
 */
function groupByRows(summaries: Row[], u: Random): Row[] {
	const groups = new Map<string, { row: Row; count: number }>();
	for (const row of summaries) {
		const key = summaryKey(row);
		const group = groups.get(key);
		if (group) group.count++;
		else groups.set(key, { row, count: 1 });
	}
	const rows: Row[] = [];
	for (const [key, { row, count }] of groups) {
		let left = count;
		const parts = 1 + Math.floor(u() * 3);
		for (let p = 1; p <= parts && left > 0; p++) {
			const take = p === parts ? left : Math.floor(u() * (left + 1));
			left -= take;
			if (take === 0 && u() < 0.7) continue;
			rows.push({ ...row, customerId: `${key}#${p}`, customers: u() < 0.3 ? String(take) : take });
		}
	}
	rows.push({ customerId: 'nobody', x: 3, tx: 0.5, T: 1, monetary: 0, customers: 0 }, { customerId: 'none', x: 0, tx: 0, T: 2, monetary: '', customers: '0' });
	return rows.map((r) => ({ r, k: u() })).sort((p, q) => p.k - q.k).map(({ r }) => r);
}

const MODEL_FIELDS = ['x', 'tx', 'T', 'monetary'];

describe.each(['bgNbd', 'paretoNbd'])('Detect Churn Risk %s: pages and GROUP BY rows equal one run over everyone', (method) => {
	const parameters = { method, inputShape: 'summary', timeUnit: 'weeks', horizon: 26, monetaryColumn: 'monetary' };

	it.each([1, 2])('summaries, seed %i: the GROUP BY fit is the one-by-one fit; pages scored with it are the one run', async (seed) => {
		const u = rng(seed * 1000 + method.length);
		const base = simulatedBase(method, method === 'paretoNbd' ? 1500 : 600, seed).map((c, i): Row => ({ customerId: `C${i}`, ...summaryRow(c, 7) }));
		const items = withRejected(base, REJECTED_SUMMARIES, u, (i) => `bad${i}`);
		const { pages } = paged(items, MODEL_FIELDS, u);
		// A page of one-purchase customers only.
		const onePurchase = base.filter((row) => row.x === 0).slice(0, 40).map((row, i) => ({ ...row, customerId: `O${i}` }));
		pages.push(onePurchase);
		const whole = await expectPagesEqualOneRun(pages, parameters);
		expect(whole.placed.filter((p) => p?.output === 'error')).toHaveLength(REJECTED_SUMMARIES.length);

		await expectGroupByRowsAsOneRun(base.concat(onePurchase), pages, whole, parameters, u);
	});

	it('a GROUP BY row counting 0 customers with a spend starts no spend model the customers have no spends for', async () => {
		const base = simulatedBase(method, method === 'paretoNbd' ? 1500 : 600, 1).map((c, i): Row => ({ customerId: `C${i}`, ...summaryRow(c, 7), monetary: '' }));
		const whole = await run(base, parameters);
		const rows = [...groupByRows(base, rng(4)), { customerId: 'gone', x: 2, tx: 3, T: 9, monetary: 30, customers: 0 }];
		const grouped = await run(rows, { ...parameters, countColumn: 'customers' });
		expect(whole.model).toMatchObject({ source: 'fitted' });
		expect(whole.model).not.toHaveProperty('spendNote');
		expect(grouped.model).toEqual(whole.model);
	});

	it('one-purchase customers only: the GROUP BY rows fail as the customers one by one do', async () => {
		const u = rng(5);
		const base = simulatedBase(method, 300, 3)
			.filter((c) => c.x === 0)
			.map((c, i) => ({ customerId: `O${i}`, ...summaryRow(c, 7) }));
		const whole = await run(base, parameters);
		const grouped = await run(groupByRows(base, u), { ...parameters, countColumn: 'customers' });
		const errors = (r: Run) => new Set(r.placed.map((p) => p?.json.error));
		expect(errors(whole).size).toBe(1);
		expect(String([...errors(whole)][0])).toMatch(/cannot be fitted on \d+ customers \(0 with repeat purchases/);
		expect(errors(grouped)).toEqual(errors(whole));
	});
});

// ---- Rules Only: one-time buyers against the usual interval of the whole base ----

describe('Detect Churn Risk Rules Only: pages and GROUP BY rows judge one-time buyers against the whole base', () => {
	const parameters = { method: 'rules', inputShape: 'summary', timeUnit: 'weeks', monetaryColumn: 'monetary' };
	/** Repeat buyers of 1 to 10 days between purchases (median 5.5), and a one-time buyer silent for 20 days. */
	const repeat = Array.from({ length: 10 }, (_, i): Row => ({ customerId: `R${i}`, x: 5, tx: 5 * (i + 1), T: 60 }));
	const once: Row = { customerId: 'Q', x: 0, tx: 0, T: 20 };
	const days = { ...parameters, timeUnit: 'days' };
	const reasonsOfFirst = (r: Run) => (r.placed[0]?.json.churn as IDataObject | undefined)?.reasons;

	it("a page of a few repeat buyers: the one-time buyer is measured against the one run's interval, not the page's", async () => {
		const whole = await expectPagesEqualOneRun([[once, ...repeat.slice(0, 3)], repeat.slice(3)], days);
		expect(whole.model).toMatchObject({ method: 'rules', source: 'fitted', typicalIntervalDays: 5.5 });
		expect(reasonsOfFirst(whole)).toEqual(['Only one purchase, 20 days ago: 3.6 times the usual interval of repeat customers']);
	});

	it.each([1, 2])('summaries, seed %i: the GROUP BY rows learn the one-by-one interval; pages given it are the one run', async (seed) => {
		const u = rng(seed * 1000 + 5);
		const base = simulatedBase('rules', 600, seed).map((c, i): Row => ({ customerId: `C${i}`, ...summaryRow(c, 7) }));
		const items = withRejected(base, REJECTED_SUMMARIES, u, (i) => `bad${i}`);
		const { pages } = paged(items, MODEL_FIELDS, u);
		// A page of one-time buyers only: no repeat buyer of its own to measure them against.
		const onePurchase = base.filter((row) => row.x === 0).slice(0, 40).map((row, i) => ({ ...row, customerId: `O${i}` }));
		pages.push(onePurchase);
		const whole = await expectPagesEqualOneRun(pages, parameters);
		expect(whole.placed.filter((p) => p?.output === 'error')).toHaveLength(REJECTED_SUMMARIES.length);
		expect(whole.placed.slice(-onePurchase.length).filter((p) => p?.output === 'at risk').length).toBeGreaterThan(0);

		await expectGroupByRowsAsOneRun(base.concat(onePurchase), pages, whole, parameters, u);
	});

	it.each([
		['with 3 repeat buyers: judged against them', [once, ...repeat.slice(0, 3)], 'info', "1 customer with a single purchase: their silence is measured against the usual interval of this batch's repeat buyers"],
		['with 2 repeat buyers: not judged', [once, { ...once, customerId: 'Q2' }, ...repeat.slice(0, 2)], 'warning', '2 customers with a single purchase were not checked for inactivity'],
		['without one-time buyers: nothing to say', repeat.slice(0, 3), undefined, undefined],
	])('learned from the batch, a hint says how its one-time buyers were judged: %s; supplied, nothing', async (_, items, type, message) => {
		const hintsOf = (result: Awaited<ReturnType<typeof runNode>>) => result.run.data.resultData.runData[NODE_UNDER_TEST][0].hints ?? [];
		const learned = await runNode({ type: 'detectChurnRisk', parameters: { asOf, ...days }, items: items as IDataObject[] });
		const hints = hintsOf(learned);
		expect(hints).toEqual(type ? [expect.objectContaining({ type, message: expect.stringContaining(message!) })] : []);
		expect(hints.every((hint) => hint.message.includes('Model Parameters → Use Supplied Parameters'))).toBe(true);
		const model = learned.json(NODE_UNDER_TEST, 2)[0];
		const supplied = await runNode({ type: 'detectChurnRisk', parameters: { asOf, ...days, modelSource: 'supplied', suppliedParameters: JSON.stringify(model) }, items: items as IDataObject[] });
		expect([supplied.error, hintsOf(supplied)]).toEqual([undefined, []]);
	});

	const page = [once, ...repeat.slice(0, 3)];
	const fourTimes = ['Only one purchase, 20 days ago: 4 times the usual interval of repeat customers'];
	it.each([
		['its typicalIntervalDays', { method: 'rules', source: 'fitted', typicalIntervalDays: 5 }, fourTimes],
		['its number as text and its method in capitals (read back from a table)', { method: ' RULES ', typicalIntervalDays: '5' }, fourTimes],
		// The base had fewer than 3 repeat buyers: no one-time buyer is judged, as in the one run, though this page has 3.
		['typicalIntervalDays null', { method: 'rules', typicalIntervalDays: null }, []],
		['the default {}', {}, 'Parameters JSON has no typicalIntervalDays; expected the Model output item of a Rules Only run over all customers (the usual interval of their repeat buyers, against which one-time buyers are judged)'],
		['a BG/NBD Model item', { method: 'bgNbd', timeUnit: 'days', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, typicalIntervalDays: 5 }, 'The supplied parameters are for "bgNbd", which is not this run\'s method (expected parameters fitted with rules: set Method to theirs, or fit again)'],
		['typicalIntervalDays empty', { method: 'rules', typicalIntervalDays: '' }, 'Supplied typicalIntervalDays is ""; expected a number of days > 0 and at most 73050 (200 years)'],
		['typicalIntervalDays 0', { method: 'rules', typicalIntervalDays: 0 }, 'Supplied typicalIntervalDays is 0; expected a number of days > 0 and at most 73050 (200 years)'],
	])('a supplied Model item with %s', async (_, model, expected) => {
		const result = await run(page, { ...days, modelSource: 'supplied', suppliedParameters: JSON.stringify(model) });
		expect(result.error).toBeUndefined();
		// A bad Model item stops the run: every item leaves on the error output with the message.
		if (typeof expected === 'string') expect(result.placed.map((p) => p?.json.error)).toEqual(page.map(() => expected));
		else expect([reasonsOfFirst(result), result.model?.typicalIntervalDays]).toEqual([expected, expected.length ? 5 : null]);
	});
});


// ---- The other input shapes: dates per customer and transactions, on the same simulated customers ----

const dayText = (ms: number) => new Date(ms).toISOString();

/**
 * A customer's items of the dates shape: first and last purchase as epoch milliseconds (ISO text on
 * text pages), order count and total spend; every purchase worth the mean spend, so the mean repeat
 * spend of every shape is the same number.
 */
function datesRow(c: Customer, id: string, u: Random): Row {
	const first = AS_OF_MS - c.TDays * DAY_MS;
	const worth = c.monetary === '' ? 1 + Math.floor(u() * 50) : c.monetary;
	return { customerId: id, firstPurchaseAt: first, lastPurchaseAt: first + c.txDays * DAY_MS, orderCount: c.x + 1, totalSpend: worth * (c.x + 1) };
}

/** The customer's orders on distinct days (first, x − 1 days between, last), in random order. */
function transactionRows(c: Customer, id: string, u: Random): Row[] {
	const first = AS_OF_MS - c.TDays * DAY_MS;
	const worth = c.monetary === '' ? 1 + Math.floor(u() * 50) : c.monetary;
	const days = new Set<number>([0, c.txDays]);
	while (days.size < c.x + 1) days.add(1 + Math.floor(u() * (c.txDays - 1)));
	return [...days].map((d) => ({ customerId: id, orderDate: first + d * DAY_MS, amount: worth, k: u() })).sort((p, q) => p.k - q.k).map(({ k, ...row }) => (void k, row));
}

/** Dates as a driver gives them on a text page: ISO text; numbers as their digits. */
function datesAsText(row: Row, dateFields: string[], numberFields: string[]): Row {
	const out = asText(row, numberFields);
	for (const f of dateFields) if (typeof row[f] === 'number') out[f] = dayText(row[f] as number);
	return out;
}

const REJECTED_DATES: Row[] = [
	{ firstPurchaseAt: '2024-03-01', lastPurchaseAt: '2024-02-01', orderCount: 2 },
	{ firstPurchaseAt: '2024-03-01', lastPurchaseAt: '2024-03-01', orderCount: 0 },
	{ firstPurchaseAt: '2024-03-01', lastPurchaseAt: '2024-08-01', orderCount: 2 },
	{ firstPurchaseAt: '2024-03-01', lastPurchaseAt: '2024-03-05', orderCount: 2, totalSpend: -5 },
];
const REJECTED_ORDERS: Row[] = [
	{ orderDate: '2024-02-30', amount: 5 },
	{ orderDate: '2024-03-01', amount: 'abc' },
	{ orderDate: '2024-08-01', amount: 5 },
];

/** Customers cut into uneven pages (a customer's orders stay on its page), numbers as text on some. */
function customerPages(perCustomer: Row[][], dateFields: string[], numberFields: string[], u: Random): Row[][] {
	const ends = pageEnds(perCustomer.length, u);
	const pages: Row[][] = [];
	for (let p = 1; p < ends.length; p++) {
		const text = u() < 0.5;
		pages.push(perCustomer.slice(ends[p - 1], ends[p]).flat().map((row) => (text ? datesAsText(row, dateFields, numberFields) : row)));
	}
	return pages;
}

describe.each(['bgNbd', 'paretoNbd', 'rules'])('Detect Churn Risk %s, dates and transactions: pages equal one run, and every shape learns the same Model item', (method) => {
	const base = simulatedBase(method, method === 'paretoNbd' ? 1500 : 600, 3);
	const common = { method, timeUnit: 'days', horizon: 90, totalSpendColumn: 'totalSpend', monetaryColumn: 'monetary' };
	const models: IDataObject[] = [];

	it('one item per customer (dates)', async () => {
		const u = rng(11);
		const perCustomer = base.map((c, i) => [datesRow(c, `C${i}`, u)]);
		REJECTED_DATES.forEach((row, i) => perCustomer.splice(Math.floor(u() * perCustomer.length), 0, [{ customerId: `bad${i}`, ...row }]));
		const pages = customerPages(perCustomer, ['firstPurchaseAt', 'lastPurchaseAt'], ['orderCount', 'totalSpend'], u);
		const whole = await expectPagesEqualOneRun(pages, { ...common, inputShape: 'customer' });
		expect(whole.placed.filter((p) => p?.output === 'error')).toHaveLength(REJECTED_DATES.length);
		models.push(whole.model!);
	});

	it('one item per transaction', async () => {
		const u = rng(12);
		const perCustomer = base.map((c, i) => transactionRows(c, `C${i}`, u));
		REJECTED_ORDERS.forEach((row, i) => perCustomer.splice(Math.floor(u() * perCustomer.length), 0, [{ customerId: `bad${i}`, ...row }]));
		const pages = customerPages(perCustomer, ['orderDate'], ['amount'], u);
		const whole = await expectPagesEqualOneRun(pages, { ...common, inputShape: 'transaction' });
		expect(whole.placed.filter((p) => p?.output === 'error')).toHaveLength(REJECTED_ORDERS.length);
		models.push(whole.model!);
	});

	it('the GROUP BY summaries of those customers give the Model item of both, bit for bit', async () => {
		const u = rng(13);
		const summaries = base.map((c) => ({ ...summaryRow(c, 1), monetary: c.monetary === '' ? '' : c.monetary }));
		const grouped = await run(groupByRows(summaries, u), { ...common, inputShape: 'summary', countColumn: 'customers' });
		expect(models).toHaveLength(2);
		for (const model of models) expect(grouped.model).toEqual(model);
	});
});

// ---- Subscribers (sBG) ----

/**
 * Subscribers of monthly contracts, churn chance per renewal ~ Beta(0.668, 3.806) (Fader & Hardie's
 * "regular" cohort), joined 0 to 24 months ago; churned ones have renewed at least once.
 */
function subscribers(n: number, seed: number): Row[] {
	const u = rng(seed);
	return Array.from({ length: n }, (_, i) => {
		const churn = beta(u, 0.668, 3.806);
		const months = Math.floor(u() * 25);
		let tenure = 0;
		while (tenure < months && (tenure === 0 || u() >= churn)) tenure++;
		const active = tenure === months ? u() >= churn * 0.5 || tenure === 0 : false;
		return { customerId: `S${i}`, tenure, active, periodValue: 10 + Math.floor(u() * 90) };
	});
}

const REJECTED_SUBSCRIBERS: Row[] = [
	{ tenure: 0, active: false },
	{ tenure: -1, active: true },
	{ tenure: 2.5, active: true },
	{ tenure: 3, active: 'maybe' },
];

describe('Detect Churn Risk sBG: pages equal one run; the fit does not depend on the order of the subscribers', () => {
	const parameters = { method: 'sbg', inputShape: 'subscriber', renewalPeriod: 'month', periodValueColumn: 'periodValue' };

	it.each([1, 2])('seed %i', async (seed) => {
		const u = rng(seed * 31);
		const items = withRejected(subscribers(800, seed), REJECTED_SUBSCRIBERS, u, (i) => `bad${i}`);
		const yesNo = (row: Row) => ({ ...row, active: row.active === true ? 'yes' : row.active === false ? 'no' : row.active });
		const { pages } = paged(items, ['tenure', 'periodValue'], u);
		const whole = await expectPagesEqualOneRun(pages.map((page) => (u() < 0.5 ? page.map(yesNo) : page)), parameters);
		expect(whole.placed.filter((p) => p?.output === 'error')).toHaveLength(REJECTED_SUBSCRIBERS.length);

		const shuffled = await run(items.map((row) => ({ row, k: u() })).sort((p, q) => p.k - q.k).map(({ row }) => row), parameters);
		expect(shuffled.model).toEqual(whole.model);
	});
});

// ---- Customers left out of a fit that fails with them ----

describe('Detect Churn Risk: customers left out of a Pareto/NBD fit that fails with them', () => {
	const parameters = { method: 'paretoNbd', inputShape: 'summary', timeUnit: 'weeks', horizon: 26 };
	/** 300 CDNOW customers and, at random places, `fastest` customers of 3,000,000 purchases in 100 weeks and one of 1,000,000. */
	const base = (fastest: number, u: Random): Row[] => {
		const rows: Row[] = cdnowSummary().slice(0, 300).map((c, i) => ({ customerId: `C${i}`, ...c }));
		const outliers = [...Array.from({ length: fastest }, () => ({ x: 3_000_000, tx: 100, T: 110 })), { x: 1_000_000, tx: 100, T: 110 }];
		outliers.forEach((o, i) => rows.splice(Math.floor(u() * rows.length), 0, { customerId: `F${i}`, ...o }));
		return rows;
	};
	const leftOut = (r: Run) => r.placed.filter((p) => /times the batch's median/.test(String(p?.json.error)));

	it.each([1, 2, 4])('%i customers of the fastest history: pages reject them as the one run does, GROUP BY rows leave out the same customers', async (fastest) => {
		const u = rng(fastest);
		const items = base(fastest, u);
		const { pages } = paged(items, ['x', 'tx', 'T'], u);
		const whole = await expectPagesEqualOneRun(pages, parameters);
		expect(leftOut(whole)).toHaveLength(fastest);
		const grouped = await run(groupByRows(items, u), { ...parameters, countColumn: 'customers' });
		expect(grouped.model).toEqual(whole.model);
		expect(whole.model!.leftOut).toEqual([{ x: 3_000_000, tx: 100, T: 110, timesMedian: expect.any(Number) }]);
	});

	it.each([
		['a list read back as text', [{ x: '3000000', tx: '100', T: '110', timesMedian: '5' }], undefined],
		['none', null, undefined],
		['no list', 'F0', 'Supplied leftOut is "F0", which is not a list (expected a list of purchase histories { x, tx, T, timesMedian })'],
		['a history of no customer', [{ x: -1, tx: 100, T: 110, timesMedian: 5 }], 'Supplied leftOut entry 0 are malformed or out of range (x: -1); expected numbers (x whole and at least 0, tx at least 0, T and timesMedian above 0) for x, tx, T, timesMedian'],
	])('a supplied Model item with leftOut as %s', async (_, leftOut, message) => {
		const model = { method: 'paretoNbd', timeUnit: 'weeks', parameters: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, leftOut };
		const items = [{ customerId: 'F', x: 3_000_000, tx: 100, T: 110 }, { customerId: 'A', x: 2, tx: 30, T: 40 }];
		const result = await run(items, { ...parameters, modelSource: 'supplied', suppliedParameters: JSON.stringify(model) });
		expect(result.error).toBeUndefined();
		// A bad Model item stops the run: every item leaves on the error output with the message.
		if (message) expect(result.placed.map((p) => p?.json.error)).toEqual([message, message]);
		else expect(result.placed.map((p) => p?.output)).toEqual([leftOut ? 'error' : 'at risk', 'healthy']);
	});
});
