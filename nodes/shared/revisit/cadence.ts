import { ConfigError, InputError } from '../input/errors';
import { getField, isEmpty } from '../input/fields';
import { parseNumber } from '../input/numbers';
import { CHANNELS, PRIORITIES, type Channel, type Priority } from './labels';

export type IntervalUnit = 'businessDays' | 'calendarDays';

/**
 * How a rule tests one field of the item. "is"/"isNot" compare text case-insensitively against a
 * comma-separated list ("critical, high"); "atLeast"/"atMost" compare numbers.
 */
export type MatchOperator = 'is' | 'isNot' | 'atLeast' | 'atMost' | 'isEmpty' | 'isNotEmpty';

export const MATCH_OPERATORS: readonly MatchOperator[] = ['is', 'isNot', 'atLeast', 'atMost', 'isEmpty', 'isNotEmpty'];

/** What a matching rule asks for: when, how urgently, by which channel, and why. */
export interface CadenceAction {
	/** Days after the last contact (or after the as-of date when there was none). */
	interval: number;
	unit: IntervalUnit;
	priority: Priority;
	channel: Channel;
	reason: string;
}

export interface CadenceRuleInput extends Partial<CadenceAction> {
	name?: string;
	/** Dot path of the item field the rule tests, e.g. "churn.level" or "segment.key". */
	field?: string;
	operator?: MatchOperator;
	value?: unknown;
}

export interface CadenceRule extends CadenceAction {
	/** 1-based position in the table; 0 for the default rule. */
	index: number;
	name: string;
	field: string;
	operator: MatchOperator;
	/** Lower-cased values for is/isNot. */
	values: string[];
	/** The threshold for atLeast/atMost. */
	threshold: number;
}

export interface CadencePolicy {
	rules: CadenceRule[];
	fallback: CadenceRule;
}

const MAX_INTERVAL_DAYS = 3660;

function checkAction(input: Partial<CadenceAction>, where: string, defaults?: CadenceAction): CadenceAction {
	const interval = input.interval ?? defaults?.interval;
	if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 0 || interval > MAX_INTERVAL_DAYS) {
		throw new ConfigError(`${where}: interval ${String(interval)} is not valid (expected a whole number of days from 0 to ${MAX_INTERVAL_DAYS})`);
	}
	const unit = input.unit ?? defaults?.unit ?? 'businessDays';
	if (unit !== 'businessDays' && unit !== 'calendarDays') {
		throw new ConfigError(`${where}: interval unit "${String(unit)}" is not valid (expected businessDays or calendarDays)`);
	}
	const priority = input.priority ?? defaults?.priority ?? 'normal';
	if (!PRIORITIES.includes(priority)) {
		throw new ConfigError(`${where}: priority "${String(priority)}" is not valid (expected one of ${PRIORITIES.join(', ')})`);
	}
	const channel = input.channel ?? defaults?.channel ?? 'call';
	if (!CHANNELS.includes(channel)) {
		throw new ConfigError(`${where}: channel "${String(channel)}" is not valid (expected one of ${CHANNELS.join(', ')})`);
	}
	const reason = String(input.reason ?? defaults?.reason ?? '').trim();
	return { interval, unit, priority, channel, reason };
}

function checkRule(input: CadenceRuleInput, index: number): CadenceRule {
	const name = String(input.name ?? '').trim() || `Rule ${index}`;
	const where = `Cadence rule ${index} ("${name}")`;
	const field = String(input.field ?? '').trim();
	if (!field) throw new ConfigError(`${where}: the field to match is empty (expected a field name such as churn.level)`);
	const operator = input.operator ?? 'is';
	if (!MATCH_OPERATORS.includes(operator)) {
		throw new ConfigError(`${where}: operator "${String(operator)}" is not valid (expected one of ${MATCH_OPERATORS.join(', ')})`);
	}
	let values: string[] = [];
	let threshold = Number.NaN;
	if (operator === 'is' || operator === 'isNot') {
		values = String(input.value ?? '')
			.split(/[,，]/)
			.map((v) => v.trim().toLowerCase())
			.filter((v) => v !== '');
		if (values.length === 0) throw new ConfigError(`${where}: the value to compare with is empty (expected one or more values separated by commas)`);
	} else if (operator === 'atLeast' || operator === 'atMost') {
		threshold = Number(String(input.value ?? '').trim());
		if (String(input.value ?? '').trim() === '' || !Number.isFinite(threshold)) {
			throw new ConfigError(`${where}: "${String(input.value ?? '')}" is not a number to compare with`);
		}
	}
	const reason = String(input.reason ?? '').trim() || name;
	return { index, name, field, operator, values, threshold, ...checkAction({ ...input, reason }, where) };
}

/** Validates the ordered rule table and the default rule. */
export function buildCadencePolicy(rules: CadenceRuleInput[], fallback: Partial<CadenceAction> & { name?: string }): CadencePolicy {
	const checkedFallback = checkAction(fallback, 'Default cadence', {
		interval: 30,
		unit: 'calendarDays',
		priority: 'normal',
		channel: 'call',
		reason: 'Regular revisit',
	});
	return {
		rules: rules.map((rule, i) => checkRule(rule, i + 1)),
		fallback: {
			...checkedFallback,
			reason: checkedFallback.reason || 'Regular revisit',
			index: 0,
			name: String(fallback.name ?? '').trim() || 'Default',
			field: '',
			operator: 'isNotEmpty',
			values: [],
			threshold: Number.NaN,
		},
	};
}

function matches(rule: CadenceRule, item: Record<string, unknown>): boolean {
	const value = getField(item, rule.field);
	switch (rule.operator) {
		case 'isEmpty':
			return isEmpty(value);
		case 'isNotEmpty':
			return !isEmpty(value);
		case 'is':
		case 'isNot': {
			if (isEmpty(value) || typeof value === 'object') return rule.operator === 'isNot';
			const found = rule.values.includes(String(value).trim().toLowerCase());
			return rule.operator === 'is' ? found : !found;
		}
		case 'atLeast':
		case 'atMost': {
			if (isEmpty(value)) return false;
			const n = parseNumber(value, rule.field);
			return rule.operator === 'atLeast' ? n >= rule.threshold : n <= rule.threshold;
		}
	}
}

/**
 * The first rule that matches the item, else the default rule. A field a numeric rule tests that
 * holds something other than a number is an item error, not a silent non-match.
 */
export function matchCadenceRule(policy: CadencePolicy, item: Record<string, unknown>): CadenceRule {
	for (const rule of policy.rules) {
		try {
			if (matches(rule, item)) return rule;
		} catch (error) {
			if (error instanceof InputError) {
				throw new InputError(rule.field, error.value, `is not a number (cadence rule ${rule.index} "${rule.name}" compares it)`, 'a number');
			}
			throw error;
		}
	}
	return policy.fallback;
}
