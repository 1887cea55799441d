import type { IExecuteFunctions } from 'n8n-workflow';
import { checkChoice, checkText, differenceText, numberParameter, optionsCollection, optionsParameter, readAsOf, readNumber, readOption } from '../../nodes/common';
import { describeValue, InputError, parseDate, parseMoney, parseNumber } from '../../nodes/shared/input';

/**
 * Every shared helper that shows a refused value in a message shows a value JSON cannot hold as itself:
 * NaN, Infinity and -Infinity (JSON.stringify wrote null, so a user looked for a null that was never
 * there), undefined as missing (in a list or an object as undefined), a BigInt as its digits, a Date as its
 * ISO instant, an Invalid Date as such, anywhere in a list or an object too.
 */
const circular: Record<string, unknown> = { id: 'C1' };
circular.self = circular;

const SHOWN: Array<[string, unknown, string]> = [
	['NaN', Number.NaN, 'NaN'],
	['Infinity', Number.POSITIVE_INFINITY, 'Infinity'],
	['-Infinity', Number.NEGATIVE_INFINITY, '-Infinity'],
	['undefined', undefined, 'missing'],
	['a BigInt', BigInt('9007199254740993'), '9007199254740993'],
	['a Date', new Date('2026-03-05T00:00:00Z'), '"2026-03-05T00:00:00.000Z"'],
	['an Invalid Date', new Date(Number.NaN), '"Invalid Date"'],
	['[NaN]', [Number.NaN], '"[NaN]"'],
	['{ a: Infinity, b: -Infinity }', { a: Number.POSITIVE_INFINITY, b: Number.NEGATIVE_INFINITY }, '"{"a":Infinity,"b":-Infinity}"'],
	['[undefined]', [undefined], '"[undefined]"'],
	['{ a: undefined }', { a: undefined }, '"{"a":undefined}"'],
	['[a BigInt]', [BigInt(5)], '"[5]"'],
	['[an Invalid Date]', [new Date(Number.NaN)], '"[Invalid Date]"'],
	['nested NaN', { score: [1, [2, Number.NaN]] }, '"{"score":[1,[2,NaN]]}"'],
	['an object that contains itself', circular, 'an object that contains itself'],
];

/** A context where every parameter is an expression that gives `value` (the only item's). */
function context(parameters: Record<string, unknown>, value: unknown): IExecuteFunctions {
	return {
		getNode: () => ({ parameters }),
		getInputData: () => [{ json: {} }],
		getNodeParameter: (_path: string, _item: number, fallback: unknown) => (value === undefined ? fallback : value),
		getTimezone: () => 'UTC',
	} as unknown as IExecuteFunctions;
}

const EXPRESSION = '={{ $json.x }}';

const message = (run: () => unknown): string => {
	try {
		run();
	} catch (error) {
		return (error as Error).message;
	}
	return '(no error)';
};

describe.each(SHOWN)('%s is shown as itself', (_title, value, shown) => {
	it('by describeValue and an item error (InputError)', () => {
		expect(describeValue(value)).toBe(shown);
		const subject = value === undefined ? 'field "score" is missing' : `field "score" is ${shown}`;
		expect(new InputError('score', value, 'is not a number', 'a number').message).toBe(`${subject}, which is not a number (expected a number)`);
	});

	it('by the item readers (parseNumber, parseMoney, parseDate)', () => {
		for (const read of value instanceof Date && !Number.isNaN(value.getTime()) ? [parseNumber, parseMoney] : [parseNumber, parseMoney, parseDate]) {
			expect(message(() => read(value, 'score'))).toMatch(value === undefined ? /^field "score" is missing/ : new RegExp(`^field "score" is ${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, which`));
		}
	});

	it('by the parameter readers (readNumber, readOption, checkChoice, checkText, readAsOf)', () => {
		if (value === undefined) return; // a parameter not given takes its default
		const numberOption = optionsCollection([numberParameter('horizon', 'Horizon', 10)]);
		expect(message(() => readNumber(context({ horizon: EXPRESSION }, value), 'horizon', 10, 'Horizon'))).toBe(`Parameter "Horizon" is ${shown}, which is not a number (expected a number)`);
		expect(message(() => readOption(context({ options: { horizon: EXPRESSION } }, value), numberOption, 'horizon'))).toBe(`Parameter "Options › Horizon" is ${shown}, which is not a number (expected a number)`);
		expect(message(() => checkChoice(value, optionsParameter('pacing', 'Pacing', [{ name: 'Off', value: 'off' }], 'off')))).toBe(`Parameter "Pacing" is ${shown}, which is not one of its choices (expected "off")`);
		expect(message(() => checkText(value, 'Output Field', 'a field name'))).toBe(`Parameter "Output Field" is ${shown}, which is not text (expected a field name)`);
		if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
			expect(message(() => readAsOf(context({ asOf: EXPRESSION }, value)))).toContain(`Parameter "As Of" (asOf) is ${shown}`);
		}
	});

	it('by a difference between items (differenceText)', () => {
		expect(differenceText({ path: 'horizon', label: 'Horizon', item: 1, first: 5, other: value })).toBe(`Parameter "Horizon" is an expression that gives item 0 5 but item 1 ${shown}; `);
	});
});
