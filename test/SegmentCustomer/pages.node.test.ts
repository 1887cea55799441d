import type { IDataObject } from 'n8n-workflow';
import { SEGMENT_PATHS } from '../../nodes/SegmentCustomer/execute';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';
import { setGeneratedItems } from '../helpers/testNodes';

/**
 * Learn once, apply page by page: 100,000 customers segmented in one run, and the same customers in 7
 * uneven pages, each run alone with the state the full run learned (passed as an expression, as a
 * workflow passes the learned item). Every customer's output must be identical.
 */
const AS_OF = Date.UTC(2024, 6, 1);
const asOf = '2024-07-01T00:00:00Z';

function customers(n: number): Array<Record<string, unknown>> {
	let seed = 23;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	return Array.from({ length: n }, (_, i) => {
		const orders = 1 + Math.floor(next() * next() * 30);
		const day = new Date(AS_OF - Math.floor(next() * 1000) * 86_400_000 - (i % 4) * 3_600_000).toISOString();
		return {
			customerId: `C${i}`,
			lastPurchaseAt: i % 3 === 0 ? day.slice(0, 10) : day,
			orderCount: orders,
			totalSpend: i % 13 === 0 ? 0 : Math.round(orders * next() * 25000) / 100,
		};
	});
}

/** 7 uneven pages of n customers: one of a single customer, one of 10, the rest of very different sizes. */
const pageEnds = (n: number) => [1, Math.round(n * 0.09), Math.round(n * 0.09) + 1, Math.round(n * 0.31337), Math.round(n * 0.64), n - 10, n];

async function run(key: string, items: Array<Record<string, unknown>>, parameters: IDataObject) {
	setGeneratedItems(key, items);
	const result = await runNode({ type: 'segmentCustomer', parameters, items: [], generatedKey: key });
	expect(result.error).toBeUndefined();
	return { customers: result.json(NODE_UNDER_TEST, 0), summary: result.json(NODE_UNDER_TEST, 1) };
}

/** The learned-state item a full run ends its Summary with, as a page run's Learned State expression (indented: "}}" would end the expression). */
function asExpression(learnedItem: IDataObject): string {
	return `={{ (${JSON.stringify(learnedItem, null, 1)}) }}`;
}

async function pagesEqualOneRun(parameters: IDataObject, all: Array<Record<string, unknown>>, expected: (whole: IDataObject) => IDataObject = (whole) => whole) {
	const whole = await run('whole', all, { ...parameters, cutPoints: 'learn', outputLearnedState: true });
	const learned = whole.summary[whole.summary.length - 1];
	expect(learned.key).toBe('learnedState');
	let start = 0;
	for (const end of pageEnds(all.length)) {
		const page = await run(`page${start}`, all.slice(start, end), { ...parameters, asOf: '2030-01-01T00:00:00Z', cutPoints: 'apply', learnedState: asExpression(learned) });
		expect(page.customers).toEqual(whole.customers.slice(start, end).map(expected));
		start = end;
	}
	return learned;
}

describe('Segment Customer pages with a learned state equal one run over everyone', () => {
	const all = customers(100_000);

	it('RFM (5 bins), column path: every customer identical, As Of taken from the learned state', async () => {
		const learned = await pagesEqualOneRun({ method: 'rfm', asOf }, all);
		expect((learned.learned as IDataObject).customers).toBe(100_000);
	});

	it('RFM (10 bins), general path', async () => {
		SEGMENT_PATHS.columnarRfm = false;
		try {
			await pagesEqualOneRun({ method: 'rfm', rfmBins: 10, asOf }, all.slice(0, 30_000));
		} finally {
			SEGMENT_PATHS.columnarRfm = true;
		}
	});

	it('Value tier: the same tier and revenue share; rank and cumulative share only in a full run', async () => {
		let tiers = 0;
		await pagesEqualOneRun({ method: 'valueTier', asOf }, all, (whole) => {
			const { rank, cumulativeShare, ...rest } = whole.segment as IDataObject;
			if (typeof rank === 'number' && typeof cumulativeShare === 'number') tiers++;
			return { ...whole, segment: rest };
		});
		expect(tiers).toBe(100_000);
	});

	it('learns the same RFM state from GROUP BY histograms as from a full run', async () => {
		const whole = await run('whole-h', all, { method: 'rfm', asOf, cutPoints: 'learn', outputLearnedState: true });
		const counts = new Map<string, number>();
		for (const c of all) for (const [measure, value] of [['recency', c.lastPurchaseAt], ['frequency', c.orderCount], ['monetary', c.totalSpend]]) {
			const key = JSON.stringify([measure, value]);
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		const rows = [...counts].map(([key, count]) => {
			const [measure, value] = JSON.parse(key) as [string, unknown];
			return { measure, value, count: String(count) };
		});
		const histogram = await run('histograms', rows, { method: 'rfm', asOf, cutPoints: 'histograms' });
		expect(histogram.customers).toHaveLength(1);
		expect(histogram.customers[0]).toEqual(whole.summary[whole.summary.length - 1]);
	});

	it('refuses a learned state with other bins, and a histogram row with a bad count, naming them', async () => {
		const whole = await run('small', all.slice(0, 500), { method: 'rfm', asOf, cutPoints: 'learn', outputLearnedState: true });
		setGeneratedItems('small', all.slice(0, 10));
		const wrongBins = await runNode({
			type: 'segmentCustomer',
			parameters: { method: 'rfm', rfmBins: 4, cutPoints: 'apply', learnedState: asExpression(whole.summary[whole.summary.length - 1]) },
			items: [],
			generatedKey: 'small',
		});
		expect(wrongBins.error?.message).toMatch(/Learned RFM state has 5 bins, which is not this node's Score Bins \(expected 4:/);
		setGeneratedItems('badRows', [{ measure: 'frequency', value: 3, count: 'many' }]);
		const badRow = await runNode({ type: 'segmentCustomer', parameters: { method: 'rfm', cutPoints: 'histograms' }, items: [], generatedKey: 'badRows' });
		expect(badRow.error?.message).toMatch(/Histogram row 0: .*count.*many/);
	});
});
