import { applyRules, validateRules, type SegmentRule } from '../../nodes/shared/segments';

const asOf = new Date('2024-07-01T00:00:00Z');
const rule = (field: string, operator: SegmentRule['operator'], value: string, label: string): SegmentRule => ({ field, operator, value, label });

describe('custom segment rules', () => {
	const rules = [
		rule('vip', 'equals', 'true', 'VIP'),
		rule('totalSpend', 'greaterOrEqual', '10000', 'Big spender'),
		rule('lastOrder', 'withinLastDays', '30', 'Recent'),
		rule('email', 'isEmpty', '', 'No email'),
		rule('profile.city', 'startsWith', '上海', 'Shanghai'),
	];

	it('takes the first matching rule and falls back to the default label', () => {
		expect(applyRules({ vip: true, totalSpend: 50000 }, rules, 'Other', asOf)).toEqual({ label: 'VIP', ruleIndex: 1 });
		expect(applyRules({ totalSpend: '12,000', email: 'a@b.c' }, rules, 'Other', asOf)).toEqual({ label: 'Big spender', ruleIndex: 2 });
		expect(applyRules({ totalSpend: 10, lastOrder: '2024-06-15', email: 'x' }, rules, 'Other', asOf).label).toBe('Recent');
		expect(applyRules({ totalSpend: 10, lastOrder: '2024-01-15', email: ' ' }, rules, 'Other', asOf).label).toBe('No email');
		expect(applyRules({ totalSpend: 10, email: 'x', profile: { city: '上海市' } }, rules, 'Other', asOf).label).toBe('Shanghai');
		expect(applyRules({ totalSpend: 10, email: 'x' }, rules, 'Other', asOf)).toEqual({ label: 'Other', ruleIndex: null });
	});

	it('compares equal numbers numerically and text exactly', () => {
		expect(applyRules({ tier: '3.0' }, [rule('tier', 'equals', '3', 'three')], 'no', asOf).label).toBe('three');
		expect(applyRules({ tier: 'Gold' }, [rule('tier', 'equals', 'gold', 'gold')], 'no', asOf).label).toBe('no');
	});

	it('makes a non-numeric value in a numeric rule an item error naming the field', () => {
		expect(() => applyRules({ totalSpend: 'lots' }, [rules[1]], 'Other', asOf)).toThrow(
			'field "totalSpend" is "lots", which is not a number (expected a number)',
		);
	});

	it('rejects a malformed rule table before any item', () => {
		expect(() => validateRules([rule('a', 'greaterThan', 'ten', 'x')])).toThrow('Rule 1 compares with "ten", which is not a number');
		expect(() => validateRules([rule('', 'equals', '1', 'x')])).toThrow('Rule 1 has no field');
		expect(() => validateRules([rule('a', 'nope' as SegmentRule['operator'], '1', 'x')])).toThrow('Rule 1 has the operator "nope", which is not one it knows (expected "equals", ');
	});
});
