import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { ConfigError } from '../shared/input';
import {
	checkAggregateOptions,
	DEFAULT_INDEX_WEIGHTS,
	DEFAULT_MIN_RESPONSES_FOR_MARGIN,
	type AggregateOptions,
	type CombineMode,
	type IndexWeights,
	type SatisfactionConfig,
} from '../shared/satisfaction';
import { readCesConfig } from './operations/ces';
import { readCsatConfig } from './operations/csat';
import { readGapConfig } from './operations/gap';
import { readKanoConfig } from './operations/kano';
import { readNpsConfig } from './operations/nps';
import { batchParameter, parameterNumber, propertyNamed, readChoice, readColumn, readColumnOf, readLanguage, readNumber, readOutputField } from '../common';
import { aggregateProperties, metricsProperty, outputProperties, reportProperties } from './description';

export interface RunSettings {
	config: SatisfactionConfig;
	outputField: string;
	/** Column the report is grouped by; undefined for the overall row only. */
	groupBy?: string;
	minResponsesForMargin: number;
	/** Set when aggregating per customer. */
	aggregate?: AggregateOptions & { customerIdColumn: string; dateColumn?: string };
}

/** An option of the Options collection, by name. */
const optionNamed = (name: string) => propertyNamed(propertyNamed(outputProperties, 'options').options as INodeProperties[], name);

/**
 * An option of the Options collection as given, or undefined when it was left out. Each option is read
 * on its own (batchParameter), so an expression giving the items different values is named by its label.
 */
function optionValue(ctx: IExecuteFunctions, name: string): unknown {
	const given = ctx.getNode().parameters.options;
	if (given === null || typeof given !== 'object' || !(name in given)) return undefined;
	return batchParameter<unknown>(ctx, `options.${name}`, null, optionNamed(name).displayName);
}

/** The index weights, each a number of at least 0; a bad one is refused naming its option and the value given. */
function indexWeights(ctx: IExecuteFunctions): IndexWeights {
	const weight = (name: keyof IndexWeights) => {
		const raw = optionValue(ctx, `${name}Weight`);
		// An option left out takes its default; a cleared one (null or "") is no number, as for readNumber.
		if (raw === undefined) return DEFAULT_INDEX_WEIGHTS[name];
		const value = parameterNumber(raw);
		if (value === undefined || value < 0) throw new ConfigError(`"${optionNamed(`${name}Weight`).displayName}" must be a number of at least 0; got ${JSON.stringify(raw)}`);
		return value;
	};
	return { nps: weight('nps'), csat: weight('csat'), ces: weight('ces'), gap: weight('gap'), sentiment: weight('sentiment') };
}

/** Reads and checks every parameter once per run; a bad one is a ConfigError for the whole run. */
export function readSettings(ctx: IExecuteFunctions): RunSettings {
	const metrics = readChoice<string[]>(ctx, metricsProperty);
	if (metrics.length === 0) throw new ConfigError('Choose at least one metric to score');
	const sentimentColumn = readColumnOf(ctx, optionNamed('sentimentColumn'), 'options.sentimentColumn');
	const config: SatisfactionConfig = {
		nps: metrics.includes('nps') ? readNpsConfig(ctx) : undefined,
		csat: metrics.includes('csat') ? readCsatConfig(ctx) : undefined,
		ces: metrics.includes('ces') ? readCesConfig(ctx) : undefined,
		gap: metrics.includes('gap') ? readGapConfig(ctx) : undefined,
		kano: metrics.includes('kano') ? readKanoConfig(ctx) : undefined,
		sentiment: sentimentColumn ? { field: sentimentColumn } : undefined,
		indexWeights: indexWeights(ctx),
		skipMissing: readChoice<boolean>(ctx, optionNamed('skipMissing'), 'options.skipMissing'),
		language: readLanguage(ctx),
	};
	const raw = optionValue(ctx, 'minResponsesForMargin');
	const minResponsesForMargin = raw === undefined ? DEFAULT_MIN_RESPONSES_FOR_MARGIN : (parameterNumber(raw) ?? Number.NaN);
	if (!Number.isInteger(minResponsesForMargin) || minResponsesForMargin < 2) {
		throw new ConfigError(`"Minimum Responses for Margin" must be a whole number of at least 2 (got ${typeof raw === 'string' && raw !== '' ? raw : JSON.stringify(raw)})`);
	}
	const groupBy = readColumnOf(ctx, propertyNamed(reportProperties, 'groupByColumn')) || undefined;
	const settings: RunSettings = {
		config,
		outputField: readOutputField(ctx, 'satisfaction'),
		groupBy,
		minResponsesForMargin,
	};
	if (readChoice<boolean>(ctx, propertyNamed(aggregateProperties, 'aggregatePerCustomer'))) {
		const label = (name: string) => propertyNamed(aggregateProperties, name).displayName;
		// Blank is no date column (input order), not the default column.
		const dateColumn = readColumn(ctx, 'responseDateColumn', '', label('responseDateColumn')) || undefined;
		const combineBy = readChoice<CombineMode>(ctx, propertyNamed(aggregateProperties, 'combineBy'));
		const aggregate = {
			combineBy,
			halfLifeDays: combineBy === 'recencyWeighted' ? readNumber(ctx, 'halfLifeDays', 90, label('halfLifeDays')) : 90,
			decliningDrop: readNumber(ctx, 'decliningDrop', 10, label('decliningDrop')),
			customerIdColumn: readColumnOf(ctx, propertyNamed(aggregateProperties, 'customerIdColumn')),
			dateColumn,
		};
		checkAggregateOptions(aggregate, dateColumn !== undefined, { halfLifeDays: label('halfLifeDays'), decliningDrop: label('decliningDrop'), dateColumn: label('responseDateColumn') });
		settings.aggregate = aggregate;
	}
	return settings;
}
