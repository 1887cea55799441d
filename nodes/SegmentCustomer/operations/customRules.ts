import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { applyRules, RULE_OPERATORS, validateRules, type SegmentRule } from '../../shared/segments';
import type { SegmentMethod } from './types';

const show = { show: { method: ['customRules'] } };

export const customRulesProperties: INodeProperties[] = [
	{
		displayName: 'Rules',
		name: 'rules',
		placeholder: 'Add Rule',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: 'Checked top to bottom; the first rule that matches gives the label',
		displayOptions: show,
		options: [
			{
				displayName: 'Rule',
				name: 'rule',
				values: [
					{ displayName: 'Field', name: 'field', type: 'string', default: '', description: 'Column to test (dot paths work)' },
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: Object.entries(RULE_OPERATORS)
							.map(([value, name]) => ({ name: name[0].toUpperCase() + name.slice(1), value }))
							.sort((x, y) => x.name.localeCompare(y.name)),
						default: 'equals',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Value to compare with; a number of days for the date operators' },
					{ displayName: 'Label', name: 'label', type: 'string', default: '', description: 'Segment label when this rule matches' },
				],
			},
		],
	},
	{
		displayName: 'Default Label',
		name: 'defaultLabel',
		type: 'string',
		default: 'Other',
		description: 'Label for customers no rule matches',
		displayOptions: show,
	},
];

export function customRulesMethod(ctx: IExecuteFunctions): SegmentMethod {
	const rules = ((ctx.getNodeParameter('rules', 0, {}) as { rule?: SegmentRule[] }).rule ?? []).map((r) => ({
		...r,
		value: String(r.value ?? ''),
	}));
	validateRules(rules);
	const defaultLabel = ctx.getNodeParameter('defaultLabel', 0, 'Other') as string;
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
