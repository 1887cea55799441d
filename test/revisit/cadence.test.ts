import { InputError } from '../../nodes/shared/input';
import { buildCadencePolicy, buildOwnerPool, matchCadenceRule, parseOwnerList } from '../../nodes/shared/revisit';

const policy = buildCadencePolicy(
	[
		{ name: 'Critical churn', field: 'churn.level', operator: 'is', value: 'Critical, high', interval: 1, priority: 'urgent', reason: 'Churn risk' },
		{ name: 'Detractor', field: 'satisfaction.nps', operator: 'atMost', value: '6', interval: 2, priority: 'high' },
		{ name: 'Top tier', field: 'valueTier', operator: 'is', value: 'A', interval: 30, unit: 'calendarDays', channel: 'visit' },
		{ name: 'No email', field: 'email', operator: 'isEmpty', interval: 14, channel: 'call' },
	],
	{ interval: 90, unit: 'calendarDays', reason: 'Regular revisit' },
);

describe('cadence policy', () => {
	it('takes the first matching rule, case-insensitively, with dot paths', () => {
		const rule = matchCadenceRule(policy, { churn: { level: 'HIGH' }, satisfaction: { nps: 3 }, email: 'a@b.c' });
		expect([rule.index, rule.name, rule.priority, rule.interval, rule.unit, rule.reason]).toEqual([1, 'Critical churn', 'urgent', 1, 'businessDays', 'Churn risk']);
	});

	it('compares numbers given as numbers or text, and uses the rule name as the default reason', () => {
		const rule = matchCadenceRule(policy, { churn: { level: 'low' }, satisfaction: { nps: '6' }, email: 'a@b.c' });
		expect([rule.index, rule.reason]).toEqual([2, 'Detractor']);
		expect(matchCadenceRule(policy, { satisfaction: { nps: 7 }, valueTier: 'a', email: 'x' }).index).toBe(3);
	});

	it('matches empty fields with isEmpty and falls back to the default rule', () => {
		expect(matchCadenceRule(policy, { valueTier: 'B' }).name).toBe('No email');
		const fallback = matchCadenceRule(policy, { valueTier: 'B', email: 'a@b.c' });
		expect([fallback.index, fallback.name, fallback.interval, fallback.unit, fallback.reason]).toEqual([0, 'Default', 90, 'calendarDays', 'Regular revisit']);
	});

	it('reports a non-number in a numeric rule as an item error naming the field', () => {
		expect(() => matchCadenceRule(policy, { satisfaction: { nps: 'n/a' } })).toThrow(InputError);
		expect(() => matchCadenceRule(policy, { satisfaction: { nps: 'n/a' } })).toThrow(
			'field "satisfaction.nps" is "n/a", which is not a number (cadence rule 2 "Detractor" compares it)',
		);
	});

	it('gives the same answer for a text seen before, for numbers and other values, and for isNot', () => {
		const rules = buildCadencePolicy(
			[
				{ name: 'Gold', field: 'tier', operator: 'is', value: 'gold, 3', interval: 1 },
				{ name: 'Not silver', field: 'tier', operator: 'isNot', value: 'silver', interval: 2 },
			],
			{ interval: 30 },
		);
		const ruleOf = (tier: unknown) => matchCadenceRule(rules, { tier }).name;
		expect([' Gold ', ' Gold ', 'GOLD', 3, '3', true, 'silver', ' SILVER', undefined].map(ruleOf)).toEqual([
			'Gold',
			'Gold',
			'Gold',
			'Gold',
			'Gold',
			'Not silver',
			'Default',
			'Default',
			'Not silver',
		]);
		// A list or an object is no one value to compare: the item's error, not a match of "is not".
		expect(() => ruleOf({ level: 'gold' })).toThrow('which is an object, not one value (cadence rule 1 "Gold" compares it)');
	});

	it('refuses numbers that are not finite, as parseNumber does', () => {
		expect(() => matchCadenceRule(policy, { satisfaction: { nps: Number.NaN } })).toThrow('which is not a number (cadence rule 2');
		expect(() => matchCadenceRule(policy, { satisfaction: { nps: Infinity } })).toThrow(InputError);
		expect(matchCadenceRule(policy, { satisfaction: { nps: -1 }, email: 'x' }).index).toBe(2);
	});

	it.each([
		[{ field: 'x', value: 'a', interval: -1 }, 'Cadence rule 1 ("Rule 1"): interval -1 is not valid'],
		[{ field: 'x', value: 'a', interval: 1.5 }, 'interval 1.5 is not valid'],
		[{ field: '', value: 'a', interval: 1 }, 'the field to match is empty'],
		[{ field: 'x', value: ' , ', interval: 1 }, 'the value to compare with is empty'],
		[{ field: 'x', operator: 'atLeast' as const, value: 'lots', interval: 1 }, '"lots" is not a number to compare with (expected digits such as 30 or 1.5)'],
		[{ field: 'x', value: 'a', interval: 1, priority: 'asap' as never }, 'priority "asap" is not valid'],
		[{ field: 'x', value: 'a', interval: 1, channel: 'fax' as never }, 'channel "fax" is not valid'],
	])('rejects a bad rule %#', (rule, message) => {
		expect(() => buildCadencePolicy([rule], { interval: 30 })).toThrow(message);
	});
});

describe('owner pool', () => {
	it('keeps the given order and applies the default capacity', () => {
		expect(buildOwnerPool([{ id: 'alice', dailyCapacity: 3 }, { id: ' bob ' }], 8)).toEqual([
			{ id: 'alice', dailyCapacity: 3, position: 0 },
			{ id: 'bob', dailyCapacity: 8, position: 1 },
		]);
		expect(parseOwnerList('alice:3, bob\n王芳:5', 8).map((o) => [o.id, o.dailyCapacity])).toEqual([
			['alice', 3],
			['bob', 8],
			['王芳', 5],
		]);
	});

	it.each([
		[[], 8, 'The owner pool is empty'],
		[[{ id: 'alice', dailyCapacity: 0 }], 8, 'Owner "alice": daily capacity 0 is not valid (expected a whole number from 1 to 1000)'],
		[[{ id: 'alice', dailyCapacity: 2.5 }], 8, 'daily capacity 2.5 is not valid'],
		[[{ id: 'alice' }], 'many', 'Owner "alice": daily capacity "many" is not valid'],
		// Shown as itself, not as JSON's null (S-to-O.md: describeValue).
		[[{ id: 'alice', dailyCapacity: Number.NaN }], 8, 'Owner "alice": daily capacity NaN is not valid'],
		[[{ id: 'alice' }, { id: 'alice' }], 8, 'Owner "alice" is listed twice in the pool (expected each owner once)'],
		[[{ id: '  ' }], 8, 'Owner 1 in the pool has an empty ID (expected an owner ID such as alice)'],
	])('rejects a bad pool %#', (owners, capacity, message) => {
		expect(() => buildOwnerPool(owners, capacity)).toThrow(message);
	});

	it('rejects an empty owner list written as text', () => {
		expect(() => parseOwnerList(' , ', 8)).toThrow('The owner pool is empty');
		expect(() => parseOwnerList('alice:0', 8)).toThrow('Owner "alice": daily capacity "0" is not valid');
	});
});
