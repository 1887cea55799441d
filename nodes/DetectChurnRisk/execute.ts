import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { checkOutputFieldFree, ItemRouter } from '../common';
import { fittedModelHints } from '../common/hints';
import { suppliedObject, type FittedModel } from '../shared/churn';
import { suppliedTypicalInterval, weightedTypicalInterval } from '../shared/churn/typicalInterval';
import type { Transaction } from '../shared/customers';
import { toIsoWithOffset } from '../shared/format/isoDate';
import { fieldAdder } from '../shared/format/withField';
import { readContext, readCustomerItem, readSubscriberItem, readSummaryItem, readTransactionItem, subjectsFromTransactions, type Subject } from './read';
import { modelItem, resultBuilder } from './result';
import { readSettings, type RunSettings } from './settings';

/** Read -> fit -> score -> route. */
export async function detectChurnRisk(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const settings = readSettings(this);
	const items = this.getInputData();
	const router = new ItemRouter(this, items.length, 3);
	const { model } = settings;
	const supplied = model && settings.supplied !== undefined ? suppliedObject(model.method, settings.supplied) : undefined;
	const { subjects, typicalIntervalDays } = readSubjects(items, settings, router, suppliedTypicalInterval(supplied));

	let fitted: FittedModel | undefined;
	if (model) fitted = supplied !== undefined ? model.fromSupplied(supplied) : model.fit(subjects);
	if (model && supplied === undefined) this.addExecutionHints(...fittedModelHints(subjects.length, model.name));
	const score = model && fitted ? model.scorer(fitted, settings.scoreOptions) : undefined;

	const asOfText = toIsoWithOffset(settings.asOf, settings.timeZone);
	const build = resultBuilder(settings, model, score, asOfText);
	const addResult = fieldAdder(settings.outputField);
	for (const subject of subjects) {
		try {
			const { result, output } = build(subject);
			const indices = subject.itemIndices;
			const pairedItem = indices.length === 1 ? { item: indices[0] } : indices.map((item) => ({ item }));
			router.place(indices[0], output, { json: addResult(subject.json as IDataObject, result), pairedItem });
		} catch (error) {
			router.reject(error, subject.itemIndices);
		}
	}

	const modelItems =
		model && fitted ? [{ json: { ...modelItem(fitted, model, settings, asOfText), typicalIntervalDays: typicalIntervalDays ?? null }, pairedItem: subjects.flatMap((s) => s.itemIndices.map((item) => ({ item }))) }] : [];
	return router.outputs({ 2: modelItems });
}

/**
 * Every input item read into a subject (or rejected); one-time buyers measured against the typical
 * interval of the batch, or of the whole base when supplied parameters carry it (page runs).
 */
function readSubjects(
	items: INodeExecutionData[],
	settings: RunSettings,
	router: ItemRouter,
	suppliedTypical: number | undefined,
): { subjects: Subject[]; typicalIntervalDays: number | undefined } {
	const ctx = readContext(settings.columns, settings.signalColumns, settings.asOf, settings.timeZone, settings.scoreOptions);
	let subjects: Subject[] = [];
	if (settings.shape === 'transaction') {
		const transactions: Transaction[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				transactions.push(readTransactionItem(items[i].json, i, ctx));
			} catch (error) {
				router.reject(error, i);
			}
		}
		subjects = subjectsFromTransactions(transactions, ctx, settings.spendWindowDays);
	} else {
		const read = settings.shape === 'summary' ? readSummaryItem : settings.shape === 'subscriber' ? readSubscriberItem : readCustomerItem;
		for (let i = 0; i < items.length; i++) {
			try {
				checkOutputFieldFree(items[i].json, settings.outputField);
				subjects.push(read(items[i].json, i, ctx));
			} catch (error) {
				router.reject(error, i);
			}
		}
	}
	// One-time buyers have no interval of their own: measure their silence against the batch's repeat customers.
	const intervals: number[] = [];
	const counts: number[] = [];
	for (const s of subjects) {
		if (s.signals.usualIntervalDays === undefined) continue;
		intervals.push(s.signals.usualIntervalDays);
		counts.push(s.count ?? 1);
	}
	const grouped = subjects.some((s) => s.count !== undefined);
	const typical = suppliedTypical ?? weightedTypicalInterval(intervals, grouped ? counts : undefined);
	for (const s of subjects) if (s.signals.usualIntervalDays === undefined) s.signals.typicalIntervalDays = typical;
	return { subjects, typicalIntervalDays: typical };
}
