import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { batchParameter, collectionParameter, listParameter, numberParameter, optionsParameter, readEntries, textParameter } from '../../nodes/common';

/**
 * Where a whole-run parameter given by an expression differs between items, batchParameter (and
 * readEntries) name the option or the list entry's value by the labels of the description they are given:
 * "Thresholds › High", "Rules › Rule 2 › Value"; given only a label, by the names under it.
 */
function context(parameters: Record<string, unknown>, valuesByItem: Array<Record<string, unknown>>): IExecuteFunctions {
	return {
		getNode: () => ({ parameters }),
		getInputData: () => valuesByItem.map(() => ({ json: {} })),
		getNodeParameter: (name: string, item: number) => valuesByItem[item][name],
	} as unknown as IExecuteFunctions;
}

const thresholds = collectionParameter('thresholds', 'Thresholds', 'Add threshold', [
	numberParameter('high', 'High From Risk Score', 50),
	numberParameter('medium', 'Medium From Risk Score', 30),
]);
const rules = listParameter('rules', 'Rules', { name: 'rule', displayName: 'Rule' }, [textParameter('field', 'Field', ''), textParameter('value', 'Value', '')], 'Rules');
const signals: INodeProperties = {
	displayName: 'Rule Signals',
	name: 'signals',
	type: 'fixedCollection',
	default: {},
	options: [{ name: 'columns', displayName: 'Columns', values: [textParameter('complaintsColumn', 'Complaints Column', '')] }],
};
const grouped: INodeProperties = {
	...signals,
	displayName: 'Windows',
	name: 'windows',
	options: [
		{ name: 'recent', displayName: 'Recent Window', values: [numberParameter('days', 'Days', 30)] },
		{ name: 'previous', displayName: 'Previous Window', values: [numberParameter('days', 'Days', 30)] },
	],
};
const pacing = optionsParameter('pacing', 'Pacing', [{ name: 'Custom', value: 'custom' }], 'custom');

const expression = '={{ $json.x }}';

function differenceMessage(read: (ctx: IExecuteFunctions) => unknown, name: string, values: unknown[]): string {
	const ctx = context({ [name]: expression }, values.map((value) => ({ [name]: value })));
	try {
		read(ctx);
	} catch (error) {
		return (error as Error).message.replace(/; it applies.*/, '');
	}
	throw new Error('no difference found');
}

describe('a difference between items is named by the labels of the description', () => {
	it.each([
		['a collection option', thresholds, [{ high: 50 }, { high: 60 }], 'Parameter "Thresholds › High From Risk Score" is an expression that gives item 0 50 but item 1 60'],
		['an option added for one item only', thresholds, [{ high: 50 }, { high: 50, medium: 20 }], 'Parameter "Thresholds › Medium From Risk Score" is an expression that gives item 0 missing but item 1 20'],
		['a fixedCollection of one group', signals, [{ columns: { complaintsColumn: 'a' } }, { columns: { complaintsColumn: 'b' } }], 'Parameter "Rule Signals › Complaints Column" is an expression that gives item 0 "a" but item 1 "b"'],
		['a fixedCollection of several groups', grouped, [{ recent: { days: 30 } }, { recent: { days: 60 } }], 'Parameter "Windows › Recent Window › Days" is an expression that gives item 0 30 but item 1 60'],
		['a value of a list entry', rules, [{ rule: [{ field: 'a', value: '1' }, { field: 'b', value: '2' }] }, { rule: [{ field: 'a', value: '1' }, { field: 'b', value: '3' }] }], 'Parameter "Rules › Rule 2 › Value" is an expression that gives item 0 "2" but item 1 "3"'],
		['a value missing in one item', rules, [{ rule: [{ field: 'a' }] }, { rule: [{ field: 'a', value: '1' }] }], 'Parameter "Rules › Rule 1 › Value" is an expression that gives item 0 missing but item 1 "1"'],
		['lists of different lengths (the whole list)', rules, [{ rule: [{ field: 'a' }] }, { rule: [{ field: 'a' }, { field: 'b' }] }], 'Parameter "Rules" is an expression that gives item 0 "[{"field":"a"}]" but item 1 "[{"field":"a"},{"field":"b"}]"'],
		['a parameter that is no collection', pacing, ['custom', 'none'], 'Parameter "Pacing" is an expression that gives item 0 "custom" but item 1 "none"'],
	])('%s', (_title, property, values, message) => {
		expect(differenceMessage((ctx) => batchParameter(ctx, property.name, {}, property), property.name, values)).toBe(message);
	});

	it('readEntries given the list names the entry and value', () => {
		const values = [{ rule: [{ field: 'a', value: '1' }] }, { rule: [{ field: 'b', value: '1' }] }];
		expect(differenceMessage((ctx) => readEntries(ctx, rules, 'rule'), 'rules', values)).toBe('Parameter "Rules › Rule 1 › Field" is an expression that gives item 0 "a" but item 1 "b"');
	});

	it('given only a label, names the keys under it', () => {
		expect(differenceMessage((ctx) => batchParameter(ctx, 'thresholds', {}, 'Thresholds'), 'thresholds', [{ high: 50 }, { high: 60 }])).toBe(
			'Parameter "Thresholds › high" is an expression that gives item 0 50 but item 1 60',
		);
	});
});
