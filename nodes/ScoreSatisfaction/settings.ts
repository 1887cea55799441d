import type { IExecuteFunctions } from 'n8n-workflow';
import { parameterError } from '../shared/input';
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
import { propertyNamed, readChoice, readColumn, readColumnOf, readLanguage, readNumber, readOption, readOutputField } from '../common';
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

const OPTIONS = propertyNamed(outputProperties, 'options');

/** A number option within its range, or its default when not added; a cleared one is refused (readOption). */
function numberOption(ctx: IExecuteFunctions, name: string, fallback: number, rules: { min: number; integer?: boolean }): number {
	return readOption<number>(ctx, OPTIONS, name, rules) ?? fallback;
}

/** The index weights, each a number of at least 0. */
function indexWeights(ctx: IExecuteFunctions): IndexWeights {
	const weight = (name: keyof IndexWeights) => numberOption(ctx, `${name}Weight`, DEFAULT_INDEX_WEIGHTS[name], { min: 0 });
	return { nps: weight('nps'), csat: weight('csat'), ces: weight('ces'), gap: weight('gap'), sentiment: weight('sentiment') };
}

/** Reads and checks every parameter once per run; a bad one is a ConfigError for the whole run. */
export function readSettings(ctx: IExecuteFunctions): RunSettings {
	const metrics = readChoice<string[]>(ctx, metricsProperty);
	if (metrics.length === 0) throw parameterError(metricsProperty.displayName, metrics, 'is empty', 'at least one metric to score');
	const sentimentColumn = readOption<string>(ctx, OPTIONS, 'sentimentColumn')?.trim();
	const config: SatisfactionConfig = {
		nps: metrics.includes('nps') ? readNpsConfig(ctx) : undefined,
		csat: metrics.includes('csat') ? readCsatConfig(ctx) : undefined,
		ces: metrics.includes('ces') ? readCesConfig(ctx) : undefined,
		gap: metrics.includes('gap') ? readGapConfig(ctx) : undefined,
		kano: metrics.includes('kano') ? readKanoConfig(ctx) : undefined,
		sentiment: sentimentColumn ? { field: sentimentColumn } : undefined,
		indexWeights: indexWeights(ctx),
		skipMissing: readOption<boolean>(ctx, OPTIONS, 'skipMissing') ?? false,
		language: readLanguage(ctx),
	};
	const minResponsesForMargin = numberOption(ctx, 'minResponsesForMargin', DEFAULT_MIN_RESPONSES_FOR_MARGIN, { min: 2, integer: true });
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
			timeZone: ctx.getTimezone(),
			customerIdColumn: readColumnOf(ctx, propertyNamed(aggregateProperties, 'customerIdColumn')),
			dateColumn,
		};
		checkAggregateOptions(aggregate, dateColumn !== undefined, { halfLifeDays: label('halfLifeDays'), decliningDrop: label('decliningDrop'), dateColumn: label('responseDateColumn') });
		settings.aggregate = aggregate;
	}
	return settings;
}
