import type { INodeExecutionData } from 'n8n-workflow';
import { inputPair } from '../../nodes/SegmentCustomer/outputs';

describe('inputPair', () => {
	it("shares n8n's own pairing of an input item with itself", () => {
		// What n8n's engine hands a node: each input item with pairedItem { item: its index, input: undefined }.
		const items: INodeExecutionData[] = [0, 1, 2].map((item) => ({ json: {}, pairedItem: { item, input: undefined } }));
		for (let i = 0; i < items.length; i++) {
			expect(inputPair(items, i)).toBe(items[i].pairedItem);
			expect(inputPair(items, i)).toEqual({ item: i });
		}
	});

	it('makes a new { item } for any other pairedItem, which it leaves as it is', () => {
		const sourceOverwrite = { previousNode: 'Agent', previousNodeOutput: 0, previousNodeRun: 0 };
		const items: INodeExecutionData[] = [
			{ json: {} },
			{ json: {}, pairedItem: 0 },
			{ json: {}, pairedItem: [{ item: 2 }] },
			{ json: {}, pairedItem: { item: 7 } }, // another node's item 7
			{ json: {}, pairedItem: { item: 4, input: 1 } },
			{ json: {}, pairedItem: { item: 5, sourceOverwrite } },
		];
		const before = JSON.stringify(items);
		items.forEach((item, i) => {
			const pair = inputPair(items, i);
			expect(pair).not.toBe(item.pairedItem);
			expect(pair).toStrictEqual({ item: i });
		});
		expect(JSON.stringify(items)).toBe(before);
	});
});
