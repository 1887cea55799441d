import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { checkOutputFieldFree, ItemRouter, labelsOf, numberParameter, readColumns, readNumber, readOutputField, readTextParameter, textParameter } from '../../common';
import { fieldAdder } from '../../shared/outputItems/withField';
import { getField, parameterError } from '../../shared/input';
import { assignGroup, assignmentPosition, parseGroupingKey, parseKey, shareOfPercent } from '../../shared/impact';

const STRATUM_EXPECTED = 'a stratum value such as a segment or risk level (text, number or date)';

const show = { show: { operation: ['assignHoldout'] } };

/** Shown for Assign Holdout (where it decides the groups) and Measure Uplift (where it names the campaign). */
export const campaignProperty: INodeProperties = textParameter(
	'campaign',
	'Campaign',
	'',
	'Name of the campaign. Assign Holdout: together with the customer ID it decides the group, so keep it the same for every run of the campaign. Measure Uplift: named in the results and sentences.',
	{
		placeholder: 'win-back-2026-03',
		displayOptions: { show: { operation: ['assignHoldout', 'measureUplift'] } },
	},
);

export const assignHoldoutProperties: INodeProperties[] = [
	textParameter('customerIdColumn', 'Customer ID Column', 'customerId', 'Column holding the customer ID (dot paths such as customer.code work)', { displayOptions: show }),
	numberParameter(
		'holdoutPercent',
		'Holdout Share (%)',
		10,
		'Share of customers kept out of the campaign to measure it against',
		{ typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 }, displayOptions: show },
	),
	textParameter(
		'stratumColumn',
		'Stratify By Column',
		'',
		'Optional column (segment, risk level) recorded as the stratum, so Measure Uplift reports each stratum; every stratum keeps the holdout share',
		{ placeholder: 'churn.riskLevel', displayOptions: show },
	),
];

const LABELS = labelsOf(assignHoldoutProperties);

/**
 * The campaign of the whole run. Read from the first item alone, a name given per item by an expression
 * put every customer in item 0's campaign: hashed, recorded and measured under another campaign's name.
 */
export function readCampaign(ctx: IExecuteFunctions): string {
	return readTextParameter(ctx, 'campaign', '', 'Campaign', 'the name of the campaign').trim();
}

/**
 * Treatment (output 0) or Holdout (output 1) per customer from the stable position of campaign +
 * customer ID (see shared/impact/assignment.ts), recorded under the output field.
 */
export function assignHoldout(ctx: IExecuteFunctions): INodeExecutionData[][] {
	const items = ctx.getInputData();
	const campaign = readCampaign(ctx);
	if (campaign === '') throw parameterError('Campaign', campaign, 'is empty', 'the campaign’s name, e.g. "win-back-2026-03": the name is part of every customer’s assignment');
	const percent = readNumber(ctx, 'holdoutPercent', 10, 'Holdout Share (%)');
	if (!(percent > 0 && percent < 100)) throw parameterError('Holdout Share (%)', percent, percent > 0 ? 'is not below 100' : 'is not more than 0', 'a percentage more than 0 and below 100');
	const share = shareOfPercent(percent);
	const { customerIdColumn, stratumColumn } = readColumns(ctx, { customerIdColumn: 'customerId', stratumColumn: '' }, LABELS);
	const outputField = readOutputField(ctx, 'impact');
	const addImpact = fieldAdder(outputField);
	const router = new ItemRouter(ctx, items.length, 2);
	for (let i = 0; i < items.length; i++) {
		router.attempt(i, () => {
			const json = items[i].json;
			checkOutputFieldFree(json, outputField);
			const customerId = parseKey(getField(json, customerIdColumn), customerIdColumn, 'a customer ID', 'a customer ID (text or number)');
			const stratum = stratumColumn ? parseGroupingKey(getField(json, stratumColumn), stratumColumn, 'a stratum value', STRATUM_EXPECTED) : undefined;
			const position = assignmentPosition(campaign, customerId);
			const group = assignGroup(position, share);
			const impact = stratum === undefined ? { campaign, group, holdoutShare: share, position } : { campaign, group, stratum, holdoutShare: share, position };
			router.place(i, group === 'treatment' ? 0 : 1, { json: addImpact(json, impact), pairedItem: { item: i } });
		});
	}
	return router.outputs();
}
