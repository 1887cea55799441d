import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { applyRules, checkSegmentLabel, RULE_OPERATORS, validateRules, type SegmentRule } from '../../shared/segments';
import type { SegmentMethod } from './types';
import { batchParameter, listParameter, optionsParameter, readColumn, readEntries, textParameter } from '../../common';
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

export function customRulesMethod(ctx: IExecuteFunctions): SegmentMethod {
	const rules = readEntries<SegmentRule>(ctx, 'rules', 'rule').map((r) => ({
		...r,
		value: String(r.value ?? ''),
	}));
	// Over transactions the rules see the customer item the run builds, not the transactions.
	const transactions = batchParameter<string>(ctx, 'inputShape', 'customer') === 'transaction';
	const customerFields = [readColumn(ctx, 'customerIdColumn', 'customerId'), ...TRANSACTION_CUSTOMER_FIELDS];
	validateRules(rules, transactions ? { names: customerFields, of: 'the customer item built from the transactions' } : undefined);
	const defaultLabel = batchParameter(ctx, 'defaultLabel', 'Other') as string;
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
