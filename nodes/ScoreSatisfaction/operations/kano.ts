import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { checkKanoFeatures, type SatisfactionConfig } from '../../shared/satisfaction';
import { propertyNamed, readColumnOf, readListOf, textParameter } from '../../common';
import { fillPattern, showFor } from './params';

export const kanoProperties: INodeProperties[] = [
	textParameter(
		'kanoFeatures',
		'Features',
		'',
		'Comma-separated features, each asked about twice: how do you feel if it is there, and if it is not',
		{
			required: true,
			placeholder: 'e.g. mobileApp, freeDelivery, liveChat',
			displayOptions: showFor('kano'),
		},
	),
	textParameter(
		'functionalColumnPattern',
		'Functional Column Pattern',
		'kano.{feature}.functional',
		'Where the answer for "the feature is there" is; {feature} is replaced by its name',
		{ displayOptions: showFor('kano') },
	),
	textParameter(
		'dysfunctionalColumnPattern',
		'Dysfunctional Column Pattern',
		'kano.{feature}.dysfunctional',
		'Where the answer for "the feature is not there" is. Answers: like, expect, neutral, tolerate, dislike, 1-5 or 喜欢/理所当然/无所谓/能忍受/不喜欢.',
		{ displayOptions: showFor('kano') },
	),
];

export function readKanoConfig(ctx: IExecuteFunctions): SatisfactionConfig['kano'] {
	const functional = readColumnOf(ctx, propertyNamed(kanoProperties, 'functionalColumnPattern'));
	const dysfunctional = readColumnOf(ctx, propertyNamed(kanoProperties, 'dysfunctionalColumnPattern'));
	const featuresProperty = propertyNamed(kanoProperties, 'kanoFeatures');
	const features = readListOf(ctx, featuresProperty).map((key) => ({
		key,
		functionalField: fillPattern(functional, 'feature', key, 'Functional Column Pattern'),
		dysfunctionalField: fillPattern(dysfunctional, 'feature', key, 'Dysfunctional Column Pattern'),
	}));
	// Checked here to name the parameter; the scorer checks it again, for any caller.
	checkKanoFeatures(features, featuresProperty.displayName);
	return { features };
}
