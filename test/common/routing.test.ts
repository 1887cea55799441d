import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { ItemRouter, runRouted } from '../../nodes/common/routing';

const node = { id: '1', name: 'Router', type: 'test', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
const ctx = (continueOnFail = false) => ({ getNode: () => node, continueOnFail: () => continueOnFail }) as unknown as IExecuteFunctions;
const item = (n: number): INodeExecutionData => ({ json: { n }, pairedItem: { item: n } });
const ns = (items: INodeExecutionData[]) => items.map((i) => i.json.n);

describe('ItemRouter outputs', () => {
	it('all items on output 0: the placed array itself, other outputs empty, extras appended', () => {
		const router = new ItemRouter(ctx(), 3, 2);
		for (let i = 0; i < 3; i++) router.place(i, 0, item(i));
		const out = router.outputs({ 1: [item(9)] });
		expect(ns(out[0])).toEqual([0, 1, 2]);
		expect(ns(out[1])).toEqual([9]);
	});

	it('an item on another output splits the items by output, in input order', () => {
		const router = new ItemRouter(ctx(), 4, 3);
		[0, 2, 0, 1].forEach((o, i) => router.place(i, o, item(i)));
		expect(router.outputs().map(ns)).toEqual([[0, 2], [3], [1]]);
	});

	it('re-placing an item moves it: off output 0 and back again', () => {
		const router = new ItemRouter(ctx(), 2, 2);
		router.place(0, 1, item(0));
		router.place(1, 0, item(1));
		router.place(0, 0, item(10));
		expect(router.outputs().map(ns)).toEqual([[10, 1], []]);
		router.place(1, 1, item(11));
		expect(router.outputs().map(ns)).toEqual([[10], [11]]);
	});

	it('items never placed (the later items of a customer) leave no gap', () => {
		const router = new ItemRouter(ctx(), 3, 2);
		router.place(0, 0, item(0));
		router.place(2, 0, item(2));
		expect(router.outputs().map(ns)).toEqual([[0, 2], []]);
	});

	it('placements in rising input order with gaps, then one out of order: every item where its input item was', () => {
		const router = new ItemRouter(ctx(), 10, 2);
		[0, 3, 4, 8].forEach((i) => router.place(i, 0, item(i)));
		expect(router.outputs().map(ns)).toEqual([[0, 3, 4, 8], []]);
		router.place(6, 0, item(6));
		router.place(9, 1, item(9));
		router.place(3, 1, item(13));
		expect(router.outputs().map(ns)).toEqual([[0, 4, 6, 8], [13, 9]]);
	});

	it('rejected items first, then customers at their first items (a transaction run): merged in input order', () => {
		const router = new ItemRouter(ctx(true), 8, 2);
		router.reject(new Error('bad date'), 5);
		router.reject(new Error('bad amount'), 6);
		[0, 1, 7].forEach((i) => router.place(i, 0, item(i)));
		const [first] = router.outputs();
		expect(first.map((i) => i.json.n ?? i.json.error)).toEqual([0, 1, expect.stringContaining('bad date'), expect.stringContaining('bad amount'), 7]);
	});

	it('extra items on output 0 go on a copy: placing more afterwards and asking again gives them once', () => {
		const router = new ItemRouter(ctx(), 4, 1);
		router.place(0, 0, item(0));
		expect(router.outputs({ 0: [item(90)] }).map(ns)).toEqual([[0, 90]]);
		router.place(2, 0, item(2));
		expect(router.outputs({ 0: [item(91)] }).map(ns)).toEqual([[0, 2, 91]]);
	});

	it('under continue-on-fail a rejected item is an error item on the failure output', () => {
		const router = new ItemRouter(ctx(true), 2, 2, 1);
		router.place(0, 0, item(0));
		router.reject(new Error('bad value'), 1);
		const [first, failed] = router.outputs();
		expect(ns(first)).toEqual([0]);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toEqual(expect.stringContaining('bad value'));
		expect(router.rejectedItems).toBe(1);
	});
});

describe('runRouted when the run fails after items were refused (continue-on-fail)', () => {
	const runCtx = (itemCount: number) =>
		({ getNode: () => node, continueOnFail: () => true, getInputData: () => Array.from({ length: itemCount }, (_, i) => ({ json: { i } })), getExecutionId: () => '1' }) as unknown as IExecuteFunctions;
	const errorsOf = (items: INodeExecutionData[]) => items.map((i) => [i.json.error, i.pairedItem]);

	it('each refused item (or customer of several) keeps its own error item; the others get the run error, in input order', async () => {
		const context = runCtx(5);
		const outputs = await runRouted(context, 2, () => {
			const router = new ItemRouter(context, 5, 2, 1);
			router.reject(new Error('bad date'), 1);
			router.reject(new Error('duplicate customer'), [3, 4]);
			throw new Error('cannot be fitted on 1 customers');
		}, 1);
		expect(outputs[0]).toEqual([]);
		expect(errorsOf(outputs[1])).toEqual([
			['cannot be fitted on 1 customers', { item: 0 }],
			['Item 1: bad date', { item: 1 }],
			['cannot be fitted on 1 customers', { item: 2 }],
			['Item 3: duplicate customer', [{ item: 3 }, { item: 4 }]],
		]);
	});

	it('a run that refused nothing gives every item the run error; a later run of the same context starts afresh', async () => {
		const context = runCtx(2);
		await runRouted(context, 1, () => {
			new ItemRouter(context, 2, 1).reject(new Error('bad'), 0);
			return [[]];
		});
		const outputs = await runRouted(context, 1, () => {
			throw new Error('no customers');
		});
		expect(errorsOf(outputs[0])).toEqual([
			['no customers', { item: 0 }],
			['no customers', { item: 1 }],
		]);
	});
});

describe('ItemRouter.placeRejected', () => {
	it('places an item the node shaped itself and counts it as rejected', () => {
		const router = new ItemRouter(ctx(true), 2, 3);
		router.place(0, 0, item(0));
		router.placeRejected(1, 2, item(1));
		expect(router.rejectedItems).toBe(1);
		expect(router.outputs().map(ns)).toEqual([[0], [], [1]]);
		expect(router.rejected()).toEqual([]);
	});
});
