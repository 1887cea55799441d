import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { numberFromText, parameterError } from '../../shared/input';
import { checkGapConfig, type GapConfig } from '../../shared/satisfaction';
import { numberParameter, propertyNamed, readColumnOf, readListOf, readNumber, textParameter } from '../../common';
import { fillPattern, showFor } from './params';

export const gapProperties: INodeProperties[] = [
	textParameter(
		'gapDimensions',
		'Dimensions',
		'tangibles, reliability, responsiveness, assurance, empathy',
		'Comma-separated service dimensions, each rated twice: what the customer expected and what they got',
		{ displayOptions: showFor('gap') },
	),
	textParameter(
		'expectationColumnPattern',
		'Expectation Column Pattern',
		'expectation.{dimension}',
		'Where the expectation rating of each dimension is; {dimension} is replaced by its name (e.g. E_{dimension})',
		{ displayOptions: showFor('gap') },
	),
	textParameter(
		'perceptionColumnPattern',
		'Perception Column Pattern',
		'perception.{dimension}',
		'Where the perception rating of each dimension is; {dimension} is replaced by its name (e.g. P_{dimension})',
		{ displayOptions: showFor('gap') },
	),
	numberParameter('gapScaleMin', 'Gap Rating Scale From', 1, 'Lowest rating of expectation and perception; ratings may be decimals (means of several questions)', { displayOptions: showFor('gap') }),
	numberParameter('gapScaleMax', 'Gap Rating Scale To', 7, 'Highest rating of expectation and perception', { displayOptions: showFor('gap') }),
	textParameter(
		'gapWeights',
		'Importance Weights',
		'',
		'Comma-separated weights in the order of the dimensions for the overall gap; empty weighs them equally',
		{ placeholder: 'e.g. 11, 32, 22, 19, 16', displayOptions: showFor('gap') },
	),
	numberParameter(
		'gapTolerance',
		'Tolerance',
		0.5,
		'A gap within plus or minus this many points meets expectations; below is dissatisfied, above is delighted',
		{ typeOptions: { minValue: 0, numberPrecision: 2 }, displayOptions: showFor('gap') },
	),
];

function weights(ctx: IExecuteFunctions, count: number): number[] {
	const raw = readListOf(ctx, propertyNamed(gapProperties, 'gapWeights'));
	if (raw.length === 0) return new Array(count).fill(1);
	if (raw.length !== count) {
		throw parameterError('Importance Weights', raw.join(', '), `lists ${raw.length} weights for ${count} dimensions`, `one weight per dimension (${count}), in dimension order, or none for equal weights`);
	}
	return raw.map((text) => {
		const w = numberFromText(text);
		if (w === undefined || !(w > 0) || !Number.isFinite(w)) throw parameterError('Importance Weights', text, 'is not a finite number above 0', 'weights above 0, such as 2, 1, 1');
		return w;
	});
}

export function readGapConfig(ctx: IExecuteFunctions): GapConfig {
	const names = readListOf(ctx, propertyNamed(gapProperties, 'gapDimensions'));
	const expectation = readColumnOf(ctx, propertyNamed(gapProperties, 'expectationColumnPattern'));
	const perception = readColumnOf(ctx, propertyNamed(gapProperties, 'perceptionColumnPattern'));
	const w = weights(ctx, names.length);
	const label = (name: string) => propertyNamed(gapProperties, name).displayName;
	const config: GapConfig = {
		dimensions: names.map((key, i) => ({
			key,
			expectationField: fillPattern(expectation, 'dimension', key, 'Expectation Column Pattern'),
			perceptionField: fillPattern(perception, 'dimension', key, 'Perception Column Pattern'),
			weight: w[i],
		})),
		scale: { min: readNumber(ctx, 'gapScaleMin', 1, label('gapScaleMin')), max: readNumber(ctx, 'gapScaleMax', 7, label('gapScaleMax')) },
		tolerance: readNumber(ctx, 'gapTolerance', 0.5, label('gapTolerance')),
	};
	// Checked here to name the parameters; the scorer checks it again, for any caller.
	checkGapConfig(config, { dimensions: label('gapDimensions'), scale: { min: label('gapScaleMin'), max: label('gapScaleMax') }, tolerance: label('gapTolerance') });
	return config;
}
