import type { IExecuteFunctions } from 'n8n-workflow';
import { booleanParameter, checkChoice, checkText, multiOptionsParameter, numberParameter, optionsCollection, optionsParameter, readChoice, readOption, textParameter } from '../../nodes/common/parameters';

/**
 * readChoice reads an options, multi-options or boolean parameter against its description's choices: a
 * value an expression gives that is none of them is refused naming the parameter, the value and the
 * choices (Language, read through it, is the engine test in parameterTypes.node.test.ts).
 */
const ctx = (parameters: Record<string, unknown>) =>
	({
		getNode: () => ({ parameters }),
		getInputData: () => [{ json: {} }],
		getNodeParameter: (path: string, _item: number, fallback: unknown) => {
			const value = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], parameters);
			return value === undefined ? fallback : value;
		},
	}) as unknown as IExecuteFunctions;

const mode = optionsParameter('mode', 'Judge Recency By', [{ name: 'Fixed Days', value: 'fixedDays' }, { name: 'Own Interval', value: 'ownInterval' }], 'fixedDays');
const flag = booleanParameter('reschedule', 'Reschedule Existing Revisits', false);
const days = multiOptionsParameter('workingDays', 'Working Days', [{ name: 'Monday', value: 'monday' }, { name: 'Tuesday', value: 'tuesday' }], ['monday']);

describe('readChoice', () => {
	it('returns a choice, or the default when the parameter is not set', () => {
		expect(readChoice(ctx({ mode: 'ownInterval' }), mode)).toBe('ownInterval');
		expect(readChoice(ctx({}), mode)).toBe('fixedDays');
		expect(readChoice(ctx({ reschedule: true }), flag)).toBe(true);
		expect(readChoice(ctx({ workingDays: ['tuesday', 'monday'] }), days)).toEqual(['tuesday', 'monday']);
	});

	it.each([
		[{ mode: 'own' }, mode, 'Parameter "Judge Recency By" is "own", which is not one of its choices (expected "fixedDays", "ownInterval")'],
		[{ mode: ['fixedDays'] }, mode, 'Parameter "Judge Recency By" is "["fixedDays"]", which is not one of its choices (expected "fixedDays", "ownInterval")'],
		[{ mode: null }, mode, 'Parameter "Judge Recency By" is null, which is not one of its choices (expected "fixedDays", "ownInterval")'],
		[{ reschedule: 'false' }, flag, 'Parameter "Reschedule Existing Revisits" is "false", which is not one of its choices (expected true, false)'],
		[{ reschedule: 1 }, flag, 'Parameter "Reschedule Existing Revisits" is 1, which is not one of its choices (expected true, false)'],
		[{ workingDays: 'monday' }, days, 'Parameter "Working Days" is "monday", which is not a list of its choices (expected a list of "monday", "tuesday")'],
		[{ workingDays: ['monday', 'someday'] }, days, 'Parameter "Working Days" is "["monday","someday"]", which is not a list of its choices (expected a list of "monday", "tuesday")'],
	] as const)('refuses %j', (parameters, property, message) => {
		expect(() => readChoice(ctx(parameters), property)).toThrow(message);
	});

	it('names an option of a collection by the path and label given', () => {
		expect(() => readChoice(ctx({ options: { pacing: 'fast' } }), optionsParameter('pacing', 'Pacing', [{ name: 'Off', value: 'off' }], 'off'), 'options.pacing', 'Options › Pacing')).toThrow(
			'Parameter "Options › Pacing" is "fast", which is not one of its choices (expected "off")',
		);
	});
});

describe('checkChoice and checkText: readChoice and readTextParameter for a value already read', () => {
	it('give the same answers and messages', () => {
		expect(checkChoice('ownInterval', mode)).toBe('ownInterval');
		expect(() => checkChoice('own', mode)).toThrow('Parameter "Judge Recency By" is "own", which is not one of its choices (expected "fixedDays", "ownInterval")');
		expect(() => checkChoice('own', mode, 'Options › Mode')).toThrow('Parameter "Options › Mode" is "own"');
		expect(checkText(2024, 'Field', 'a field name')).toBe('2024');
		expect(checkText(null, 'Field', 'a field name')).toBe('');
		expect(() => checkText(true, 'Options › Language Field', 'a field name')).toThrow('Parameter "Options › Language Field" is true, which is not text (expected a field name)');
	});

	it('checkChoice takes the choices of several entries of one name (shown for different settings)', () => {
		const forEmail = optionsParameter('pacing', 'Pacing', [{ name: 'Off', value: 'off' }], 'off');
		const forSms = optionsParameter('pacing', 'Pacing', [{ name: 'Provider Limit', value: 'provider' }], 'provider');
		expect(checkChoice('provider', [forEmail, forSms])).toBe('provider');
		expect(() => checkChoice('fast', [forEmail, forSms])).toThrow('Parameter "Pacing" is "fast", which is not one of its choices (expected "off", "provider")');
	});
});

describe('readOption: an option of a collection, as given or absent, checked by its type and named with its collection', () => {
	const options = optionsCollection([
		booleanParameter('skipMissing', 'Skip Missing Metrics', false),
		numberParameter('minResponses', 'Minimum Responses', 30),
		textParameter('sentimentColumn', 'Sentiment Column', ''),
		mode,
	]);

	it('is undefined for an option not added, and the value for one added', () => {
		expect(readOption(ctx({}), options, 'skipMissing')).toBeUndefined();
		expect(readOption(ctx({ options: {} }), options, 'minResponses')).toBeUndefined();
		expect(readOption(ctx({ options: { skipMissing: true, minResponses: '40', sentimentColumn: 2024, mode: 'ownInterval' } }), options, 'skipMissing')).toBe(true);
		expect(readOption(ctx({ options: { minResponses: '40' } }), options, 'minResponses')).toBe(40);
		expect(readOption(ctx({ options: { sentimentColumn: 2024 } }), options, 'sentimentColumn')).toBe('2024');
		expect(readOption(ctx({ options: { sentimentColumn: null } }), options, 'sentimentColumn')).toBe('');
		expect(readOption(ctx({ options: { mode: 'ownInterval' } }), options, 'mode')).toBe('ownInterval');
	});

	it.each([
		[{ skipMissing: 'false' }, 'skipMissing', 'Parameter "Options › Skip Missing Metrics" is "false", which is not one of its choices (expected true, false)'],
		[{ mode: 'own' }, 'mode', 'Parameter "Options › Judge Recency By" is "own", which is not one of its choices'],
		[{ minResponses: null }, 'minResponses', 'Parameter "Options › Minimum Responses" is null, which is not a number (expected a number)'],
		[{ minResponses: '0x10' }, 'minResponses', 'Parameter "Options › Minimum Responses" is "0x10", which is not a number'],
		[{ minResponses: '1e1' }, 'minResponses', 'Parameter "Options › Minimum Responses" is "1e1", which is not a number'],
		[{ sentimentColumn: ['a'] }, 'sentimentColumn', 'Parameter "Options › Sentiment Column" is "["a"]", which is not text (expected text)'],
	])('refuses %j', (given, name, message) => {
		expect(() => readOption(ctx({ options: given }), options, name)).toThrow(message);
	});

	it('checks a number option against the rules given, in one message', () => {
		const rules = { min: 2, integer: true };
		expect(readOption(ctx({ options: { minResponses: '30' } }), options, 'minResponses', rules)).toBe(30);
		expect(() => readOption(ctx({ options: { minResponses: 1 } }), options, 'minResponses', rules)).toThrow('Parameter "Options › Minimum Responses" is 1, which is below 2 (expected a whole number of at least 2)');
		expect(() => readOption(ctx({ options: { minResponses: 2.5 } }), options, 'minResponses', rules)).toThrow('Parameter "Options › Minimum Responses" is 2.5, which is not a whole number (expected a whole number of at least 2)');
		expect(() => readOption(ctx({ options: { minResponses: null } }), options, 'minResponses', rules)).toThrow('Parameter "Options › Minimum Responses" is null, which is not a number (expected a whole number of at least 2)');
	});

	it('names an option whose expression differs between items with its collection', () => {
		const twoItems = {
			getNode: () => ({ parameters: { options: { minResponses: '={{ $json.n }}' } } }),
			getInputData: () => [{ json: {} }, { json: {} }],
			getNodeParameter: (_path: string, item: number) => [30, 40][item],
		} as unknown as IExecuteFunctions;
		expect(() => readOption(twoItems, options, 'minResponses')).toThrow('Parameter "Options › Minimum Responses" is an expression that gives item 0 30 but item 1 40');
	});
});
