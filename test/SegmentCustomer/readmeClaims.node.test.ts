import type { INodeProperties } from 'n8n-workflow';
import { properties } from '../../nodes/SegmentCustomer/description';
import { NODE_UNDER_TEST, runNode, type WorkflowResult } from '../helpers/runWorkflow';

/** What README's "Segment Customer" section promises, through the engine. */
const asOf = '2024-07-01T00:00:00Z';
const segmentsOf = (result: WorkflowResult) => result.json(NODE_UNDER_TEST, 0).map((j) => j.segment as Record<string, unknown>);
const keysOf = (result: WorkflowResult) => segmentsOf(result).map((s) => s.key);
const errorsOf = (result: WorkflowResult) => result.json(NODE_UNDER_TEST, 2).map((e) => e.error);
const customer = (customerId: string, lastPurchaseAt: unknown, orderCount: unknown, totalSpend: unknown) => ({ customerId, lastPurchaseAt, orderCount, totalSpend });
const segment = (parameters: object, items: object[], extra: object = {}) =>
	runNode({ type: 'segmentCustomer', parameters: { asOf, ...parameters }, items: items as never, ...extra });

describe('Segment Customer as README describes it', () => {
	it('has the panel defaults the README names', () => {
		const defaults = Object.fromEntries(properties.map((p: INodeProperties) => [p.name, p.default]));
		expect(defaults).toMatchObject({
			method: 'rfm', inputShape: 'customer', customerIdColumn: 'customerId', lastPurchaseColumn: 'lastPurchaseAt',
			firstPurchaseColumn: 'firstPurchaseAt', purchaseCountColumn: 'orderCount', totalSpendColumn: 'totalSpend',
			dateColumn: 'orderDate', amountColumn: 'amount', collapseSameDay: true, asOf: '', language: 'en', outputField: 'segment',
			cutPoints: 'learn', outputLearnedState: false, rfmBins: 5, tierAShare: 80, tierBShare: 95, lifecycleMode: 'fixedDays',
			newWithinDays: 30, activeWithinDays: 90, atRiskWithinDays: 180, lapsedWithinDays: 365,
			activeWithinIntervals: 1.5, atRiskWithinIntervals: 2.5, lapsedWithinIntervals: 4, defaultLabel: 'Other',
		});
	});

	it('writes the RFM result in the shape of the README example', async () => {
		const items = [0, 1, 2, 3, 4].map((i) => customer(`c${i}`, `2024-06-${String(28 - i * 5).padStart(2, '0')}`, 24 - i * 4, 18650 - i * 3000));
		const [top] = segmentsOf(await segment({ asOf: '2024-07-01T00:00:00+08:00' }, items, { timezone: 'Asia/Shanghai' }));
		expect(top).toEqual({
			key: 'champions', label: 'Champions', method: 'rfm', scores: { recency: 5, frequency: 5, monetary: 5 }, code: '5-5-5', bins: 5,
			values: { recencyDays: 3, frequency: 24, monetary: 18650 }, asOf: '2024-07-01T00:00:00+08:00',
		});
	});

	it('scores by mid-rank percentile: one customer the middle, two with k = 5 score 2 and 4, n = k distinct 1..k', async () => {
		const one = await segment({}, [customer('a', '2024-06-01', 3, 10)]);
		expect(segmentsOf(one)[0].scores).toEqual({ recency: 3, frequency: 3, monetary: 3 });
		const two = await segment({}, [customer('a', '2024-06-01', 3, 10), customer('b', '2024-05-01', 1, 5)]);
		expect(segmentsOf(two).map((s) => s.code)).toEqual(['4-4-4', '2-2-2']);
		const four = [1, 2, 3, 4].map((i) => customer(`c${i}`, `2024-0${i + 1}-01`, i, i * 10));
		expect(segmentsOf(await segment({ rfmBins: 4 }, four)).map((s) => s.code)).toEqual(['1-1-1', '2-2-2', '3-3-3', '4-4-4']);
	});

	it('maps k ≠ 5 scores to the 5-grid by the midpoint of their band', async () => {
		// k = 3: R 3 -> ceil(5 × 2.5 / 3) = 5, F 1 -> 1: New Customers; R 1 -> 1, F 3 -> 5: Can't Lose Them.
		const items = [customer('a', '2024-06-01', 1, 10), customer('b', '2024-05-01', 2, 20), customer('c', '2024-04-01', 3, 30)];
		expect(keysOf(await segment({ rfmBins: 3 }, items))).toEqual(['newCustomers', 'needAttention', 'cantLoseThem']);
	});

	it('puts the customer who crosses the A share in A, ties in one tier, no revenue in C', async () => {
		const items = [{ customerId: 'a', totalSpend: 79 }, { customerId: 'b', totalSpend: 2 }, { customerId: 'c', totalSpend: 19 }];
		expect(keysOf(await segment({ method: 'valueTier' }, items))).toEqual(['A', 'C', 'A']);
		const ties = [{ customerId: 'a', totalSpend: 100 }, { customerId: 'b', totalSpend: 100 }, { customerId: 'c', totalSpend: 0 }];
		const tied = segmentsOf(await segment({ method: 'valueTier' }, ties));
		expect(tied.map((s) => [s.key, s.rank])).toEqual([['A', 1], ['A', 1], ['C', 3]]);
	});

	it('stages the lifecycle at the README day thresholds', async () => {
		const lifecycle = (id: string, orderCount: number, firstPurchaseAt?: string, lastPurchaseAt?: string) => ({ customerId: id, orderCount, firstPurchaseAt, lastPurchaseAt });
		const items = [
			lifecycle('prospect', 0),
			lifecycle('new', 1, '2024-06-01', '2024-06-01'), // 30 days
			lifecycle('active', 1, '2024-05-31', '2024-05-31'), // 31 days: no longer new, active
			lifecycle('active90', 3, '2023-05-31', '2024-04-02'),
			lifecycle('atRisk91', 3, '2023-05-31', '2024-04-01'),
			lifecycle('lapsed365', 3, '2022-05-31', '2023-07-02'),
			lifecycle('lost366', 3, '2022-05-31', '2023-07-01'),
		];
		expect(keysOf(await segment({ method: 'lifecycle' }, items))).toEqual(['prospect', 'new', 'active', 'active', 'atRisk', 'lapsed', 'lost']);
	});

	it('refuses an order count its purchase dates contradict, instead of letting the count decide the stage', async () => {
		const items = [
			{ customerId: 'bought', orderCount: 0, lastPurchaseAt: '2024-06-20' }, // was a prospect
			{ customerId: 'twice', orderCount: 1, firstPurchaseAt: '2024-06-10', lastPurchaseAt: '2024-06-20' }, // was new
			{ customerId: 'sameDay', orderCount: 1, firstPurchaseAt: '2024-06-20T09:00:00', lastPurchaseAt: '2024-06-20T23:00:00' },
			{ customerId: 'never', orderCount: 0 },
		];
		const result = await segment({ method: 'lifecycle' }, items, { onError: 'continueErrorOutput', timezone: 'America/New_York' });
		expect(keysOf(result)).toEqual(['new', 'prospect']);
		expect(errorsOf(result)).toEqual([
			'Item 0: field "orderCount" is 0, which contradicts the last purchase date (2024-06-20T00:00:00-04:00) (expected at least 1 for a customer with a purchase date)',
			'Item 1: field "orderCount" is 1, which contradicts first and last purchases on different days (2024-06-10T00:00:00-04:00 and 2024-06-20T00:00:00-04:00) (expected at least 2 for purchases on different days)',
		]);
		expect(result.json(NODE_UNDER_TEST, 1).map((s) => [s.key, s.customers ?? s.rejectedItems])).toEqual([['new', 1], ['prospect', 1], ['rejected', 2]]);
	});

	it('calls a one-time buyer of 10 days ago new also without a first purchase column (the first purchase is the last)', async () => {
		const result = await segment({ method: 'lifecycle' }, [{ customerId: 'a', orderCount: 1, lastPurchaseAt: '2024-06-21' }]);
		expect(segmentsOf(result)[0]).toMatchObject({ key: 'new', daysSinceLast: 10 });
	});

	it('gives a summary row revenue null, not 0, when none of its customers has a total spend (an optional column)', async () => {
		const items = [
			{ customerId: 'a', orderCount: 2, lastPurchaseAt: '2024-06-20', totalSpend: 30 },
			{ customerId: 'b', orderCount: 2, lastPurchaseAt: '2024-06-21', totalSpend: 10 },
			{ customerId: 'c', orderCount: 2, lastPurchaseAt: '2024-06-22' },
			{ customerId: 'd', orderCount: 0 },
		];
		const summary = (await segment({ method: 'lifecycle' }, items)).json(NODE_UNDER_TEST, 1);
		expect(summary.map((s) => [s.key, s.customers, s.revenue, s.revenueShare])).toEqual([
			['active', 3, 40, 1],
			['prospect', 1, null, null],
		]);
		const rules = { rule: [{ field: 'points', operator: 'greaterThan', value: '10', label: 'Loyal' }] };
		const ruled = (await segment({ method: 'customRules', rules }, [{ customerId: 'a', points: 20 }])).json(NODE_UNDER_TEST, 1);
		expect(ruled).toMatchObject([{ key: 'Loyal', customers: 1, revenue: null, revenueShare: null }]);
	});

	it("judges by the customer's own interval: a weekly buyer silent for a month is lost, a yearly buyer silent 200 days active", async () => {
		const items = [
			{ customerId: 'weekly', orderCount: 11, firstPurchaseAt: '2024-03-23', lastPurchaseAt: '2024-06-01' },
			{ customerId: 'yearly', orderCount: 4, firstPurchaseAt: '2020-12-13', lastPurchaseAt: '2023-12-13' },
			{ customerId: 'once', orderCount: 1, firstPurchaseAt: '2023-12-13', lastPurchaseAt: '2023-12-13' },
		];
		const result = segmentsOf(await segment({ method: 'lifecycle', lifecycleMode: 'ownInterval' }, items));
		expect(result.map((s) => [s.key, s.basis])).toEqual([['lost', 'ownInterval'], ['active', 'ownInterval'], ['lapsed', 'fixedDays']]);
	});

	it('counts 90 calendar days as 90 across the night the clocks change in New York', async () => {
		const items = [{ customerId: 'a', orderCount: 2, firstPurchaseAt: '2023-01-01', lastPurchaseAt: '2024-01-02' }];
		const [result] = segmentsOf(await segment({ method: 'lifecycle', asOf: '2024-04-01' }, items, { timezone: 'America/New_York' }));
		expect(result).toMatchObject({ key: 'active', daysSinceLast: 90 });
	});

	it.each([
		['', 'Rule 1 compares with "", which is not a number (expected digits such as 30 or 1.5)'],
		['0x10', 'Rule 1 compares with "0x10", which is not a number (expected digits such as 30 or 1.5)'],
		['-5', 'Rule 1 counts -5 days, which is below 0 (expected a number of days of at least 0)'],
	])('stops on a date rule counting %j days, naming the rule', async (value, message) => {
		const rules = { rule: [{ field: 'd', operator: 'withinLastDays', value, label: 'recent' }] };
		expect((await segment({ method: 'customRules', rules }, [{ customerId: 'a', d: '2024-06-30' }])).error?.message).toBe(message);
	});

	it('compares equals as numbers when both sides are numbers (1,000, 1000 and full-width １０００)', async () => {
		const rules = { rule: [{ field: 'points', operator: 'equals', value: '1,000', label: 'X' }] };
		expect(keysOf(await segment({ method: 'customRules', rules }, [{ customerId: 'a', points: 1000 }, { customerId: 'b', points: '１０００' }, { customerId: 'c', points: 999 }]))).toEqual(['X', 'X', 'Other']);
	});

	it('refuses, over transactions, a rule on a field of the transactions, which the customer items do not have', async () => {
		const orders = [{ customerId: 'a', region: '华东', orderDate: '2024-06-01', amount: 5 }, { customerId: 'b', region: '华北', orderDate: '2024-06-01', amount: 500 }];
		const rule = (field: string) => ({ rule: [{ field, operator: 'greaterThan', value: '100', label: 'Big' }] });
		const onRegion = await segment({ method: 'customRules', inputShape: 'transaction', rules: rule('region') }, orders);
		expect(onRegion.error?.message).toBe(
			'Rule 1 tests field "region", which the customer item built from the transactions does not have (expected one of customerId, firstPurchaseAt, lastPurchaseAt, orderCount, totalSpend)',
		);
		expect(keysOf(await segment({ method: 'customRules', inputShape: 'transaction', rules: rule('totalSpend') }, orders))).toEqual(['Other', 'Big']);
	});

	it('refuses the label "rejected", which the summary keeps for its count of rejected items', async () => {
		const rules = (label: string) => ({ rule: [{ field: 'status', operator: 'equals', value: 'rejected', label }] });
		const items = [{ customerId: 'a', status: 'rejected' }];
		expect((await segment({ method: 'customRules', rules: rules('rejected') }, items)).error?.message).toBe(
			`Rule 1's label is "rejected", which the summary keeps for its row of rejected items (expected another label)`,
		);
		expect((await segment({ method: 'customRules', rules: rules('Declined'), defaultLabel: 'rejected' }, items)).error?.message).toBe(
			`"Default Label" is "rejected", which the summary keeps for its row of rejected items (expected another label)`,
		);
	});

	it.each(['rfm', 'valueTier', 'lifecycle', 'customRules'])('refuses a second item of one customer (%s) instead of counting the customer twice', async (method) => {
		const rules = { rule: [{ field: 'orderCount', operator: 'greaterThan', value: '1', label: 'Repeat' }] };
		const items = [customer('a', '2024-06-01', 2, 10), customer(' a ', '2024-05-01', 3, 20), customer('b', '2024-04-01', 1, 5), { ...customer('c', '2024-04-01', 1, 5), customerId: 7 }, customer('7', 'bad', 1, 5), customer('7', '2024-04-01', 1, 5)];
		const result = await segment({ method, rules }, items, { onError: 'continueErrorOutput' });
		expect(result.json(NODE_UNDER_TEST, 0).map((j) => j.customerId)).toEqual(['a', 'b', 7]);
		const expected = 'one item per customer; orders go with One Item per Transaction';
		expect(errorsOf(result)).toEqual([
			`Item 1: field "customerId" is " a ", which is also the customer ID of item 0 (expected ${expected})`,
			expect.stringContaining('Item 4: field "lastPurchaseAt" is "bad"'),
			`Item 5: field "customerId" is "7", which is also the customer ID of item 3 (expected ${expected})`,
		]);
		const summary = result.json(NODE_UNDER_TEST, 1);
		expect(summary.reduce((n, s) => n + ((s.customers as number) ?? 0), 0)).toBe(3);
	});

	it('names the README bad dates in its words', async () => {
		const result = await segment({}, [customer('a', '31/02/2024', 1, 1), customer('b', 12, 1, 1), customer('c', '2024-06-01T00:00:00+25:00', 1, 1)], { onError: 'continueErrorOutput' });
		const range = 'a date from 1900-01-01 to 2199-12-31';
		const formats = 'ISO 8601, YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or epoch seconds/milliseconds';
		expect(errorsOf(result)).toEqual([
			`Item 0: field "lastPurchaseAt" is "31/02/2024", which is not a date (expected ${range} (${formats}))`,
			`Item 1: field "lastPurchaseAt" is 12, which is a number but not an epoch time (expected ${range}: epoch seconds (9-11 digits) or milliseconds (12-13 digits), or ${formats})`,
			`Item 2: field "lastPurchaseAt" is "2024-06-01T00:00:00+25:00", which is not a date (expected ${range} (${formats}))`,
		]);
		expect(result.json(NODE_UNDER_TEST, 1)).toEqual([{ key: 'rejected', label: 'Rejected input items', rejectedItems: 3, method: 'rfm', asOf: '2024-07-01T00:00:00+00:00' }]);
	});

	it('reads "¥1,234.50" as an amount and refuses an ID of true', async () => {
		const result = await segment({}, [customer('客户一', '2024-06-01', 1, '¥1,234.50'), customer(true as never, '2024-06-01', 1, 1)], { onError: 'continueErrorOutput' });
		expect(segmentsOf(result)[0].values).toEqual({ recencyDays: 30, frequency: 1, monetary: 1234.5 });
		expect(errorsOf(result)).toEqual(['Item 1: field "customerId" is true, which is not a text or number (expected a customer ID (text or number))']);
	});

	it.each([
		['rfm', 'orderCount', 'customerId'],
		['lifecycle', 'customerId', 'customerId'],
		['valueTier', 'totalSpend', 'customerId'],
		['rfm', 'client.code', 'client.code', 'client.code, client'],
		// The ID of { client: { code } } is written back nested: a result under "client" would replace it.
		['lifecycle', 'client', 'client.code', 'client.code, client'],
	])('refuses, over transactions (%s), an Output Field %j the customer item already has, instead of replacing it', async (method, outputField, customerIdColumn, idFields = customerIdColumn) => {
		const result = await segment({ method, inputShape: 'transaction', outputField, customerIdColumn }, [{ customerId: 'a', client: { code: 'a' }, orderDate: '2024-06-01', amount: 5 }]);
		expect(result.error?.message).toBe(
			`Parameter "Output Field" is "${outputField}", which the customer item built from the transactions already has (expected a field other than ${idFields}, firstPurchaseAt, lastPurchaseAt, orderCount, totalSpend)`,
		);
	});

	// An expression can give an options or boolean parameter any value; an unknown one ran as another
	// choice ("own" as Fixed Days, the text "false" as on). Input Shape, Cut Points and Method take no
	// expression (n8n 2.41 reads '={{ … }}' there as the text): their odd values are a workflow file's.
	it.each([
		[{ method: 'lifecycle', lifecycleMode: '={{ "own" }}' }, 'Parameter "Judge Recency By" is "own", which is not one of its choices (expected "fixedDays", "ownInterval")'],
		[{ inputShape: 'transaction', collapseSameDay: '={{ "false" }}' }, 'Parameter "Collapse Same-Day Orders" is "false", which is not one of its choices (expected true, false)'],
		[{ outputLearnedState: '={{ "no" }}' }, 'Parameter "Add Learned State to Summary" is "no", which is not one of its choices (expected true, false)'],
		[{ inputShape: 'tx' }, 'Parameter "Input Shape" is "tx", which is not one of its choices (expected "customer", "transaction")'],
		[{ cutPoints: 'applied' }, 'Parameter "Cut Points" is "applied", which is not one of its choices (expected "learn", "histograms", "apply")'],
		[{ method: 'abc' }, 'Parameter "Method" is "abc", which is not one of its choices (expected "customRules", "lifecycle", "rfm", "valueTier")'],
	])('refuses the parameter value %j naming the parameter', async (parameters, message) => {
		const items = [{ ...customer('a', '2024-06-01', 1, 1), orderDate: '2024-06-01', amount: 1 }];
		expect((await segment(parameters, items)).error?.message).toBe(message);
	});
});
