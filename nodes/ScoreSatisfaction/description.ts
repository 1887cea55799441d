import { reportStateProperties } from './reportState';
import type { INodeProperties } from 'n8n-workflow';
import { booleanParameter, languageProperty, multiOptionsParameter, numberParameter, optionsCollection, optionsParameter, outputFieldProperty, textParameter } from '../common';
import { cesProperties } from './operations/ces';
import { csatProperties } from './operations/csat';
import { gapProperties } from './operations/gap';
import { kanoProperties } from './operations/kano';
import { npsProperties } from './operations/nps';

export const metricsProperty: INodeProperties = multiOptionsParameter(
	'metrics',
	'Metrics',
	[
		{
			name: 'CES (Customer Effort Score)',
			value: 'ces',
			description: 'How easy it was to get the issue handled',
		},
		{
			name: 'CSAT (Customer Satisfaction)',
			value: 'csat',
			description: 'How satisfied the customer was, top-two-box',
		},
		{
			name: 'Expectation vs Perception Gap (SERVQUAL)',
			value: 'gap',
			description: 'What the customer got minus what they expected, per service dimension',
		},
		{
			name: 'Kano Feature Classification',
			value: 'kano',
			description: 'Whether a feature delights, is expected, is a must-have or does not matter',
		},
		{
			name: 'NPS (Net Promoter Score)',
			value: 'nps',
			description: 'How likely the customer is to recommend you, 0-10',
		},
	],
	['nps'],
	'Which survey answers to score; the satisfaction index combines all of them except Kano',
	{ noDataExpression: true },
);

const aggregating = { show: { aggregatePerCustomer: [true] } };

export const aggregateProperties: INodeProperties[] = [
	booleanParameter('aggregatePerCustomer', 'Aggregate per Customer', false, "Whether to output one item per customer combining their responses, with a trend and a 'declining' flag"),
	textParameter('customerIdColumn', 'Customer ID Column', 'customerId', 'Column identifying the customer who answered', { displayOptions: aggregating }),
	textParameter(
		'responseDateColumn',
		'Response Date Column',
		'respondedAt',
		'Column with when the survey was answered; empty takes the input order as the time order',
		{ displayOptions: aggregating },
	),
	optionsParameter(
		'combineBy',
		'Combine By',
		[
			{ name: 'Latest Response', value: 'latest', description: 'The most recent answer to each question' },
			{ name: 'Mean', value: 'mean', description: 'All responses count the same' },
			{ name: 'Recency-Weighted Mean', value: 'recencyWeighted', description: 'Older responses count less, halving every half-life' },
		],
		'latest',
		"How a customer's responses are combined into one score",
		{ displayOptions: aggregating },
	),
	numberParameter(
		'halfLifeDays',
		'Half-Life (Days)',
		90,
		'A response this many days older than the latest one weighs half as much',
		{
			typeOptions: { minValue: 1 },
			displayOptions: { show: { aggregatePerCustomer: [true], combineBy: ['recencyWeighted'] } },
		},
	),
	numberParameter(
		'decliningDrop',
		'Declining Drop (Index Points)',
		10,
		'Flag the customer as declining when the 0-100 index fell at least this much from the previous response to the last',
		{ typeOptions: { minValue: 0.01 }, displayOptions: aggregating },
	),
];

export const reportProperties: INodeProperties[] = [
	textParameter(
		'groupByColumn',
		'Group Report By Column',
		'',
		'The Report output has one row per value of this column besides the overall row; empty gives the overall row only',
		{ placeholder: 'e.g. store, agent, channel' },
	),
];

export const outputProperties: INodeProperties[] = [
	languageProperty('the labels (Promoter / 推荐者, Meets expectations / 满意)'),
	outputFieldProperty('satisfaction'),
	optionsCollection([
		numberParameter('cesWeight', 'CES Weight in Index', 1, 'Weight of the effort score (as ease, 0-100) in the satisfaction index; 0 leaves it out', { typeOptions: { minValue: 0 } }),
		numberParameter('csatWeight', 'CSAT Weight in Index', 1, 'Weight of CSAT (placed on 0-100) in the satisfaction index; 0 leaves it out', { typeOptions: { minValue: 0 } }),
		numberParameter('gapWeight', 'Gap Weight in Index', 1, 'Weight of the overall gap (no gap = 50) in the satisfaction index; 0 leaves it out', { typeOptions: { minValue: 0 } }),
		numberParameter('minResponsesForMargin', 'Minimum Responses for Margin', 30, 'Groups with fewer answers get no margin of error, with a note saying so', { typeOptions: { minValue: 2 } }),
		numberParameter('npsWeight', 'NPS Weight in Index', 1, 'Weight of the NPS answer (0-10 as 0-100) in the satisfaction index; 0 leaves it out', { typeOptions: { minValue: 0 } }),
		textParameter(
			'sentimentColumn',
			'Sentiment Column',
			'',
			'Column with a sentiment score from -1 to 1 from an upstream node (e.g. AI sentiment analysis) to include in the index',
			{ placeholder: 'e.g. sentiment.score' },
		),
		numberParameter(
			'sentimentWeight',
			'Sentiment Weight in Index',
			1,
			'Weight of the sentiment score (-1..1 as 0-100) in the satisfaction index; 0 leaves it out',
			{ typeOptions: { minValue: 0 } },
		),
		booleanParameter(
			'skipMissing',
			'Skip Missing Metrics',
			false,
			'Whether an empty answer counts as not answered (null, left out of the index and report) instead of an item error; never as 0',
		),
	]),
];

/** Every parameter of the node, in the order the editor shows them. */
export const properties: INodeProperties[] = [
	metricsProperty,
	...npsProperties,
	...csatProperties,
	...cesProperties,
	...gapProperties,
	...kanoProperties,
	...aggregateProperties,
	...reportProperties,
	...reportStateProperties,
	...outputProperties,
];
