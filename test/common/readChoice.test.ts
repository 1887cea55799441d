import type { IExecuteFunctions } from 'n8n-workflow';
import { booleanParameter, multiOptionsParameter, optionsParameter, readChoice } from '../../nodes/common/parameters';

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
