import { ConfigError, InputError } from '../input/errors';
import { isEmpty } from '../input/fields';
import { numberFromText, parseNumber } from '../input/numbers';
import { choiceKey, describeValue, fieldReader } from '../input';
import { CHANNELS, PRIORITIES, type Channel, type Priority } from './labels';

export type IntervalUnit = 'businessDays' | 'calendarDays';

/**
 * How a rule tests one field of the item. "is"/"isNot" compare text (any case, full-width as half-width) against a
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
	/** Per rule, in the same order: its test compiled once (see compileMatcher). */
	matchers: Array<(item: Record<string, unknown>) => boolean>;
}

export const MAX_INTERVAL_DAYS = 3660;

function checkAction(input: Partial<CadenceAction>, where: string, defaults?: CadenceAction): CadenceAction {
	const given: unknown = input.interval ?? defaults?.interval;
	// An expression may give the number as text ("5"), read as item numbers are: not "0x10" or "0b11",
	// which Number() would take for 16 and 3.
	const interval = typeof given === 'string' ? (numberFromText(given) ?? given) : given;
	if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 0 || interval > MAX_INTERVAL_DAYS) {
		throw new ConfigError(`${where}: interval ${describeValue(given)} is not valid (expected a whole number of days from 0 to ${MAX_INTERVAL_DAYS})`);
	}
	const unit = input.unit ?? defaults?.unit ?? 'businessDays';
	if (unit !== 'businessDays' && unit !== 'calendarDays') {
		throw new ConfigError(`${where}: interval unit ${describeValue(unit)} is not valid (expected businessDays or calendarDays)`);
	}
	const priority = input.priority ?? defaults?.priority ?? 'normal';
	if (!PRIORITIES.includes(priority)) {
		throw new ConfigError(`${where}: priority ${describeValue(priority)} is not valid (expected one of ${PRIORITIES.join(', ')})`);
	}
	const channel = input.channel ?? defaults?.channel ?? 'call';
	if (!CHANNELS.includes(channel)) {
		throw new ConfigError(`${where}: channel ${describeValue(channel)} is not valid (expected one of ${CHANNELS.join(', ')})`);
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
		throw new ConfigError(`${where}: operator ${describeValue(operator)} is not valid (expected one of ${MATCH_OPERATORS.join(', ')})`);
	}
	let values: string[] = [];
	let threshold = Number.NaN;
	if (operator === 'is' || operator === 'isNot') {
		values = String(input.value ?? '')
			.split(/[,，]/)
			.map(choiceKey)
			.filter((v) => v !== '');
		if (values.length === 0) throw new ConfigError(`${where}: the value to compare with is empty (expected one or more values separated by commas)`);
	} else if (operator === 'atLeast' || operator === 'atMost') {
		// Read as the item's values are ("1,000" too), so a threshold and the values it is compared with agree.
		const given = typeof input.value === 'number' && Number.isFinite(input.value) ? input.value : numberFromText(String(input.value ?? ''));
		if (given === undefined) throw new ConfigError(`${where}: ${describeValue(input.value)} is not a number to compare with (expected digits such as 30 or 1.5)`);
		threshold = given;
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
	const checked = rules.map((rule, i) => checkRule(rule, i + 1));
	return {
		rules: checked,
		matchers: checked.map(compileMatcher),
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

/** Empty for is empty / is not empty: also a list or an object with nothing in it (tags: [], churn: {}). */
function holdsNothing(value: unknown): boolean {
	if (isEmpty(value)) return true;
	if (Array.isArray(value)) return value.length === 0;
	return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

/** Texts compared by one is/isNot rule and whether they are in its list; bounded, values repeat. */
const MAX_REMEMBERED_TEXTS = 10_000;

/**
 * A rule's test as a function: the field's dot path split once, and for is/isNot each distinct text
 * trimmed and lower-cased once. A number where atLeast/atMost expects one is compared directly;
 * anything else goes through parseNumber, which throws the InputError for non-numbers.
 */
function compileMatcher(rule: CadenceRule): (item: Record<string, unknown>) => boolean {
	const read = fieldReader(rule.field);
	switch (rule.operator) {
		case 'isEmpty':
			return (item) => holdsNothing(finiteOrOther(rule, read(item)));
		case 'isNotEmpty':
			return (item) => !holdsNothing(finiteOrOther(rule, read(item)));
		case 'is':
		case 'isNot': {
			const wanted = rule.operator === 'is';
			const remembered = new Map<string, boolean>();
			const listed = (text: string) => rule.values.includes(choiceKey(text));
			return (item) => {
				const value = read(item);
				if (isEmpty(value)) return !wanted;
				if (typeof value === 'object') throw notOneValue(rule, value);
				if (typeof value !== 'string') return listed(String(finiteOrOther(rule, value))) === wanted;
				let found = remembered.get(value);
				if (found === undefined) {
					found = listed(value);
					if (remembered.size < MAX_REMEMBERED_TEXTS) remembered.set(value, found);
				}
				return found === wanted;
			};
		}
		case 'atLeast':
		case 'atMost': {
			const atLeast = rule.operator === 'atLeast';
			const { threshold } = rule;
			return (item) => {
				const value = read(item);
				if (isEmpty(value)) return false;
				let n: number;
				try {
					n = typeof value === 'number' && Number.isFinite(value) ? value : parseNumber(value, rule.field);
				} catch (error) {
					if (error instanceof InputError) throw new InputError(rule.field, value, `is not a number (${ruleText(rule)} compares it)`, 'a number');
					throw error;
				}
				return atLeast ? n >= threshold : n <= threshold;
			};
		}
	}
}

const ruleText = (rule: CadenceRule) => `cadence rule ${rule.index} "${rule.name}"`;

/**
 * The value, unless it is NaN or ±Infinity (a Code node's failed sum): no value a list names ("NaN" would
 * match "is not one of"), and neither empty nor a value for is empty / is not empty.
 */
function finiteOrOther(rule: CadenceRule, value: unknown): unknown {
	if (typeof value === 'number' && !Number.isFinite(value)) throw new InputError(rule.field, value, `is not a finite number (${ruleText(rule)} tests it)`, 'text or a number');
	return value;
}

/** A list or an object where is/isNot compares one value: which of its entries was meant is not for the node to guess. */
function notOneValue(rule: CadenceRule, value: unknown): InputError {
	return new InputError(rule.field, value, `is ${Array.isArray(value) ? 'a list' : 'an object'}, not one value (${ruleText(rule)} compares it)`, 'text or a number');
}

/**
 * The first rule that matches the item, else the default rule. A field a rule tests that holds
 * something it cannot compare (text where a number belongs, a list or an object) is an item error,
 * not a silent non-match.
 */
export function matchCadenceRule(policy: CadencePolicy, item: Record<string, unknown>): CadenceRule {
	const { rules, matchers } = policy;
	for (let i = 0; i < rules.length; i++) {
		if (matchers[i](item)) return rules[i];
	}
	return policy.fallback;
}
