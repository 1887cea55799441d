import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { readAsOf, readLanguage, readOutputField, refuseInToolCall, isToolCall } from '../common';
import { rfmHints, valueTierHints } from '../common/hints';
import { checkOutputFieldBesideCustomerFields } from '../shared/customers';
import { toIsoWithOffset } from '../shared/format/isoDate';
import { fieldAdder } from '../shared/outputItems/withField';
import { customRulesMethod } from './operations/customRules';
import { lifecycleMethod } from './operations/lifecycle';
import { rfmBins, rfmMethod } from './operations/rfm';
import { segmentRfmColumns } from './operations/rfmColumns';
import { segmentTransactionRfmColumns } from './operations/rfmTransactionColumns';
import type { MethodFactory } from './operations/types';
import { valueTierMethod } from './operations/valueTier';
import { learnedSummaryJson, learnFromHistogramItems, learnFromRun, learnFromSubjects, readLearnedSettings } from './learnedState';
import { SegmentOutputs } from './outputs';
import { properties } from './description';
import { readColumnParameters } from './columns';
import { choice } from './parameters';
import { readCustomerSubjects, readTransactionSubjects } from './read';

export const METHODS: Record<string, MethodFactory> = {
	rfm: rfmMethod,
	valueTier: valueTierMethod,
	lifecycle: lifecycleMethod,
	customRules: customRulesMethod,
};

/**
 * RFM on one item per customer runs on column arrays (operations/rfmColumns.ts); the general path gives
 * the same output. Tests switch this off to run both paths on the same data.
 */
export const SEGMENT_PATHS = { columnarRfm: true, columnarTransactions: true };

/** Read -> segment -> route. */
export async function segmentCustomers(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const methodName = choice<string>(this, properties, 'method');
	const shape = choice<'customer' | 'transaction'>(this, properties, 'inputShape');
	const language = readLanguage(this);
	const outputField = readOutputField(this, 'segment');
	const bins = rfmBins(this);
	const learned = readLearnedSettings(this, methodName, bins);
	if (isToolCall(this)) checkToolCall(methodName, shape, learned.mode);
	// A page run measures recency from the As Of its cut points were learned at.
	const asOf = learned.asOf ?? readAsOf(this);
	const timeZone = this.getTimezone();
	const asOfText = toIsoWithOffset(asOf, timeZone);
	if (learned.mode === 'histograms') return learnFromHistogramItems(this, items, methodName, bins, asOf, timeZone, asOfText);
	const columns = readColumnParameters(this);
	if (shape === 'transaction') checkOutputFieldBesideCustomerFields(outputField, columns.customerId);
	const method = METHODS[methodName](this);
	const outputs = new SegmentOutputs(this, items.length, methodName, asOfText);
	const readOptions = { asOf, timeZone };

	const collapseSameDay = choice<boolean>(this, properties, 'collapseSameDay');
	if (methodName === 'rfm' && (shape === 'customer' ? SEGMENT_PATHS.columnarRfm : SEGMENT_PATHS.columnarTransactions)) {
		const run = { columns, readOptions, collapseSameDay, outputField, bins, language, asOfText, cuts: learned.rfmCuts };
		const scored = shape === 'customer' ? segmentRfmColumns(items, run, outputs) : segmentTransactionRfmColumns(items, run, outputs);
		if (learned.output) outputs.addSummaryItem(learnedSummaryJson(methodName, learnFromRun(this, methodName, bins, scored, []), asOfText));
		if (learned.mode === 'learn') this.addExecutionHints(...rfmHints(scored.recencyDays.length, bins));
		return outputs.result();
	}

	const subjects =
		shape === 'customer'
			? readCustomerSubjects(items, columns, method.needs, readOptions, outputField, outputs)
			: readTransactionSubjects(items, columns, readOptions, collapseSameDay, outputs, SEGMENT_PATHS.columnarTransactions);
	const outcomes = method.segment(subjects, { asOf, timeZone, language, learned });
	if (learned.mode === 'learn') this.addExecutionHints(...batchRelativeHints(methodName, outcomes.filter((o) => !(o instanceof Error)).length, bins));
	if (learned.output) outputs.addSummaryItem(learnedSummaryJson(methodName, learnFromSubjects(this, methodName, bins, subjects, outcomes), asOfText));
	const addSegment = fieldAdder(outputField);
	for (let s = 0; s < subjects.length; s++) {
		const subject = subjects[s];
		const outcome = outcomes[s];
		if (outcome instanceof Error) {
			outputs.reject(outcome, subject.itemIndices);
			continue;
		}
		const segment: IDataObject = { key: outcome.key, label: outcome.label, method: methodName, ...outcome.details };
		segment.asOf = asOfText;
		const pairs = subject.itemIndices.map((item) => ({ item }));
		outputs.accept(subject.itemIndices[0], pairs, addSegment(subject.json, segment), outcome, {
			revenue: subject.record.revenue,
			recencyDays: subject.recencyDays,
			purchases: subject.record.purchases,
		});
	}
	return outputs.result();
}

/** RFM scores and value tiers learned from this run are relative to its customers; the other methods are not. */
function batchRelativeHints(methodName: string, customers: number, bins: number) {
	if (methodName === 'rfm') return rfmHints(customers, bins);
	return methodName === 'valueTier' ? valueTierHints(customers) : [];
}

/**
 * An AI agent's tool call carries one customer. RFM scores and value tiers rank customers against each
 * other, so they are learned from all customers first and applied to the one; a single order is not a
 * purchase history. Lifecycle and custom rules judge each customer alone and need nothing more.
 */
function checkToolCall(methodName: string, shape: string, cutPoints: string): void {
	if ((methodName === 'rfm' || methodName === 'valueTier') && cutPoints !== 'apply') {
		const rfm = methodName === 'rfm';
		refuseInToolCall(
			`${rfm ? 'RFM' : 'Value Tier'} with cut points learned from the incoming customers`,
			rfm ? 'one customer ranked against itself always scores in the middle' : 'one customer alone holds all the revenue and is always tier A',
			'Learn the cut points once from all customers (Cut Points → Learn From These Customers with Add Learned State to Summary) and give the tool that state with Cut Points → Apply Learned State.',
		);
	}
	if (shape === 'transaction') {
		refuseInToolCall('Input Shape "One Item per Transaction"', 'one order is not a purchase history', 'Use One Item per Customer (last purchase date, order count, total spend).');
	}
}
