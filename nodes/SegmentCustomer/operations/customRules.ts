import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { applyRules, checkSegmentLabel, RULE_OPERATORS, validateRules, type SegmentRule } from '../../shared/segments';
import type { SegmentMethod } from './types';
import { batchParameter, listParameter, optionsParameter, parameterText, propertyNamed, readEntries, textParameter } from '../../common';
import { ConfigError, describeValue } from '../../shared/input';
import { inputProperties, readInputColumn } from '../columns';
import { choice } from '../parameters';
import { TRANSACTION_CUSTOMER_FIELDS } from '../../shared/customers';

const show = { show: { method: ['customRules'] } };

export const customRulesProperties: INodeProperties[] = [
	listParameter(
		'rules',
		'Rules',
		{ name: 'rule', displayName: 'Rule' },
		[
			textParameter('field', 'Field', '', 'Column to test (dot paths work)'),
			optionsParameter(
				'operator',
				'Operator',
				Object.entries(RULE_OPERATORS)
					.map(([value, name]) => ({ name: name[0].toUpperCase() + name.slice(1), value }))
					.sort((x, y) => x.name.localeCompare(y.name)),
				'equals',
			),
			textParameter('value', 'Value', '', 'Value to compare with; a number of days for the date operators'),
			textParameter('label', 'Label', '', 'Segment label when this rule matches'),
		],
		'Checked top to bottom; the first rule that matches gives the label',
		{ displayOptions: show },
	),
	textParameter('defaultLabel', 'Default Label', 'Other', 'Label for customers no rule matches', { displayOptions: show }),
];

const ruleValues = (customRulesProperties[0].options as Array<{ values: INodeProperties[] }>)[0].values;

/**
 * A text an expression gave a rule or the Default Label: text, or a number's digits; null (a cleared
 * field) is "". Anything else (true, a list, an object) would be used as is or turned into "true" or
 * "[object Object]", a column no item has or a label no one chose.
 */
function ruleText(raw: unknown, parameter: string, expected: string): string {
	const text = raw === null || raw === undefined ? '' : parameterText(raw);
	if (text === undefined) throw new ConfigError(`Parameter ${parameter} is ${describeValue(raw)}, which is not text (expected ${expected})`);
	return text;
}

/** The Rules entries, each setting read by its label: texts as text, the operator against its choices. */
function readRules(ctx: IExecuteFunctions): SegmentRule[] {
	const [field, operator, value, label] = ruleValues;
	const operators = (operator.options as Array<{ value: string }>).map((o) => o.value);
	return readEntries<Record<string, unknown>>(ctx, propertyNamed(customRulesProperties, 'rules'), 'rule').map((r, i) => {
		const parameter = (p: INodeProperties) => `"Rules › ${p.displayName}" of rule ${i + 1}`;
		const op = r.operator === undefined ? operator.default : r.operator;
		if (!operators.includes(op as string)) {
			const expected = operators.map(describeValue).join(', ');
			throw new ConfigError(`Parameter ${parameter(operator)} is ${describeValue(op)}, which is not one of its choices (expected ${expected})`);
		}
		return {
			field: ruleText(r.field, parameter(field), 'a column name'),
			operator: op as SegmentRule['operator'],
			value: ruleText(r.value, parameter(value), 'text or a number'),
			label: ruleText(r.label, parameter(label), 'a segment label'),
		};
	});
}

export function customRulesMethod(ctx: IExecuteFunctions): SegmentMethod {
	const rules = readRules(ctx);
	// Over transactions the rules see the customer item the run builds, not the transactions.
	const transactions = choice(ctx, inputProperties, 'inputShape') === 'transaction';
	const customerFields = [readInputColumn(ctx, 'customerIdColumn'), ...TRANSACTION_CUSTOMER_FIELDS];
	validateRules(rules, transactions ? { names: customerFields, of: 'the customer item built from the transactions' } : undefined);
	const defaultLabel = ruleText(batchParameter(ctx, 'defaultLabel', 'Other', 'Default Label'), '"Default Label"', 'a segment label');
	checkSegmentLabel(defaultLabel, '"Default Label"');
	return {
		needs: { lastPurchase: 'optional', firstPurchase: 'unused', purchaseCount: 'optional', totalSpend: 'optional' },
		segment(subjects, run) {
			return subjects.map(({ json }) => {
				try {
					const { label, ruleIndex } = applyRules(json, rules, defaultLabel, run.asOf, run.timeZone);
					return { key: label, label, details: { matchedRule: ruleIndex } };
				} catch (error) {
					return error as Error;
				}
			});
		},
	};
}
