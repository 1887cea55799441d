import { REJECTED_KEY } from './summary';
import { toIsoWithOffset } from '../format/isoDate';
import { calendarDays, ConfigError, describeValue, getField, InputError, isEmpty, luxonDate, numberFromText, parseDate, parseNumber } from '../input';

export const RULE_OPERATORS = {
	equals: 'is equal to',
	notEquals: 'is not equal to',
	greaterThan: 'is greater than',
	greaterOrEqual: 'is greater than or equal to',
	lessThan: 'is less than',
	lessOrEqual: 'is less than or equal to',
	contains: 'contains',
	notContains: 'does not contain',
	startsWith: 'starts with',
	isEmpty: 'is empty',
	isNotEmpty: 'is not empty',
	withinLastDays: 'is a date within the last N days',
	olderThanDays: 'is a date more than N days ago',
} as const;

export type RuleOperator = keyof typeof RULE_OPERATORS;

export interface SegmentRule {
	field: string;
	operator: RuleOperator;
	value: string;
	label: string;
}

const NUMERIC: RuleOperator[] = ['greaterThan', 'greaterOrEqual', 'lessThan', 'lessOrEqual'];
const DAYS: RuleOperator[] = ['withinLastDays', 'olderThanDays'];

/**
 * Checks the rule table once, before any item: unknown operators and non-numeric thresholds are
 * parameter errors. `fields`, when given, are the only fields the items have (the customer items a run
 * over transactions builds): a rule on another field would never match, for every customer.
 */
export function validateRules(rules: SegmentRule[], fields?: { names: string[]; of: string }): void {
	rules.forEach((rule, i) => {
		const where = `Rule ${i + 1}`;
		if (!rule.field?.trim()) throw new ConfigError(`${where} has no field (expected the item field it tests, such as orderCount)`);
		if (fields && !fields.names.includes(rule.field.trim())) {
			throw new ConfigError(`${where} tests field ${describeValue(rule.field)}, which ${fields.of} does not have (expected one of ${fields.names.join(', ')})`);
		}
		if (!(rule.operator in RULE_OPERATORS)) {
			throw new ConfigError(`${where} has the operator ${describeValue(rule.operator)}, which is not one it knows (expected ${Object.keys(RULE_OPERATORS).map(describeValue).join(', ')})`);
		}
		if (!rule.label?.trim()) throw new ConfigError(`${where} has no label (expected the segment the rule gives, such as VIP)`);
		checkSegmentLabel(rule.label, `${where}'s label`);
		if (NUMERIC.includes(rule.operator) || DAYS.includes(rule.operator)) {
			const given: unknown = rule.value;
			const limit = typeof given === 'number' && Number.isFinite(given) ? given : typeof given === 'string' ? numberFromText(given) : undefined;
			if (limit === undefined) throw new ConfigError(`${where} compares with ${describeValue(rule.value)}, which is not a number (expected digits such as 30 or 1.5)`);
			if (DAYS.includes(rule.operator) && limit < 0) throw new ConfigError(`${where} counts ${describeValue(limit)} days, which is below 0 (expected a number of days of at least 0)`);
		}
	});
}

/**
 * Evaluates one rule against an item. Numbers are compared as numbers and a non-numeric field value in
 * a numeric rule is an item error (never silently false); equality compares numbers numerically when
 * both sides are numbers, otherwise as trimmed text, case-sensitively.
 */
export function ruleMatches(item: Record<string, unknown>, rule: SegmentRule, asOf: Date, timeZone?: string): boolean {
	const raw = getField(item, rule.field);
	switch (rule.operator) {
		case 'isEmpty':
			return isEmpty(raw);
		case 'isNotEmpty':
			return !isEmpty(raw);
	}
	if (isEmpty(raw)) return rule.operator === 'notEquals' || rule.operator === 'notContains';
	if (NUMERIC.includes(rule.operator)) {
		const value = parseNumber(raw, rule.field);
		const limit = numberFromText(rule.value)!;
		if (rule.operator === 'greaterThan') return value > limit;
		if (rule.operator === 'greaterOrEqual') return value >= limit;
		if (rule.operator === 'lessThan') return value < limit;
		return value <= limit;
	}
	if (DAYS.includes(rule.operator)) {
		const ageDays = calendarDays(parseDate(raw, rule.field, { timeZone }).getTime(), asOf.getTime(), timeZone);
		const days = numberFromText(rule.value)!;
		return rule.operator === 'withinLastDays' ? ageDays >= 0 && ageDays <= days : ageDays > days;
	}
	const text = comparedText(raw, rule, timeZone);
	const expected = rule.value.trim();
	switch (rule.operator) {
		case 'equals':
		case 'notEquals': {
			const expectedNumber = numberFromText(expected);
			const number = typeof raw === 'number' ? raw : numberFromText(text);
			const same = number !== undefined && expectedNumber !== undefined ? number === expectedNumber : text === expected;
			return rule.operator === 'equals' ? same : !same;
		}
		case 'contains':
			return text.includes(expected);
		case 'notContains':
			return !text.includes(expected);
		default:
			return text.startsWith(expected);
	}
}

/**
 * A field's value as the text operators compare it. A date object (a Date from a database driver, a luxon
 * DateTime) is its ISO 8601 text in the workflow's zone, as the node writes dates: String() gave "Thu Mar 05
 * 2026 08:00:00 GMT+0800 (…)", which depends on the machine's zone. String() also made ["gold"] "gold" and
 * {…} "[object Object]", and NaN or Infinity (a Code node's failed arithmetic) "NaN": those are the item's error.
 */
function comparedText(raw: unknown, rule: SegmentRule, timeZone = 'UTC'): string {
	const date = raw instanceof Date ? raw : luxonDate(raw);
	const problem = `the rule "${RULE_OPERATORS[rule.operator]}" cannot compare as text`;
	if (date !== undefined) {
		if (Number.isNaN(date.getTime())) throw new InputError(rule.field, raw, problem, 'a valid date');
		return toIsoWithOffset(date, timeZone);
	}
	if ((raw !== null && typeof raw === 'object') || (typeof raw === 'number' && !Number.isFinite(raw))) throw new InputError(rule.field, raw, problem, 'text, a number or true/false');
	return String(raw).trim();
}

/**
 * A label is the customers' segment key: "rejected" would give the summary two rows of that key, the
 * segment's and the count of rejected items, which a workflow could not tell apart by key.
 */
export function checkSegmentLabel(label: string, what: string): void {
	if (String(label).trim() === REJECTED_KEY) {
		throw new ConfigError(`${what} is ${describeValue(label)}, which the summary keeps for its row of rejected items (expected another label)`);
	}
}

/** First matching rule wins; no match gives the default label. */
export function applyRules(
	item: Record<string, unknown>,
	rules: SegmentRule[],
	defaultLabel: string,
	asOf: Date,
	timeZone?: string,
): { label: string; ruleIndex: number | null } {
	for (let i = 0; i < rules.length; i++) {
		if (ruleMatches(item, rules[i], asOf, timeZone)) return { label: rules[i].label, ruleIndex: i + 1 };
	}
	return { label: defaultLabel, ruleIndex: null };
}
