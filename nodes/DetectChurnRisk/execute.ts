import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { ItemRouter, refuseInToolCall } from '../common';
import { toIsoWithOffset } from '../shared/format/isoDate';
import { fieldAdder } from '../shared/outputItems/withField';
import { modelMethod } from './operations/model';
import { rulesMethod } from './operations/rules';
import type { ChurnMethod } from './operations/types';
import { getField, InputError } from '../shared/input';
import { readSubjects, type Subject } from './read';
import { resultBuilder } from './result';
import { readSettings, type RunSettings } from './settings';

/** Read -> fit -> score -> route: At Risk (0), Healthy (1), Model (2). */
export async function detectChurnRisk(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const settings = readSettings(this);
	const items = this.getInputData();
	const router = new ItemRouter(this, items.length, 3);
	if (router.toolCall) checkToolCall(settings);
	const method: ChurnMethod = settings.model ? modelMethod(settings.model, settings) : rulesMethod(settings);

	const { subjects, typicalIntervalDays } = readSubjects(items, settings, router, method.baseTypicalInterval);
	const fitted = method.fit(subjects);
	this.addExecutionHints(...fitted.hints);

	const asOfText = toIsoWithOffset(settings.asOf, settings.timeZone);
	const build = resultBuilder(settings, fitted.model, fitted.score, asOfText);
	const addResult = fieldAdder(settings.outputField);
	for (const subject of subjects) {
		const leftOut = fitted.leftOut?.get(subject);
		if (leftOut !== undefined) {
			router.reject(leftOutError(subject, leftOut, settings), subject.itemIndices);
			continue;
		}
		try {
			const { result, output } = build(subject);
			const indices = subject.itemIndices;
			const pairedItem = indices.length === 1 ? { item: indices[0] } : indices.map((item) => ({ item }));
			router.place(indices[0], output, { json: addResult(subject.json as IDataObject, result), pairedItem });
		} catch (error) {
			router.reject(error, subject.itemIndices);
		}
	}

	const modelJson = fitted.modelJson(typicalIntervalDays, asOfText);
	const modelItems = modelJson ? [{ json: modelJson, pairedItem: everyItemOf(subjects) }] : [];
	return router.outputs({ 2: modelItems });
}

/** The Model item's pairing: every item it was learned from (a loop: flatMap took 3 times as long on a million). */
function everyItemOf(subjects: readonly Subject[]): Array<{ item: number }> {
	const pairs: Array<{ item: number }> = [];
	for (const subject of subjects) for (const item of subject.itemIndices) pairs.push({ item });
	return pairs;
}

/**
 * A customer the fit left out, as an error of its item naming the column that holds its purchase count
 * (the customer ID for transactions, which have no such column).
 */
function leftOutError(subject: Subject, reason: string, settings: RunSettings): InputError {
	const c = settings.columns;
	const field = settings.shape === 'summary' ? c.xColumn : settings.shape === 'customer' ? c.purchaseCountColumn : c.customerIdColumn;
	const value = settings.shape === 'transaction' ? subject.customerId : getField(subject.json, field);
	return new InputError(field, value, reason, 'a purchase history the model can fit together with the rest of the batch');
}

/** An AI agent's tool call carries one customer: what needs the whole base is refused, saying what to set. */
function checkToolCall(settings: RunSettings): void {
	if (settings.model && settings.supplied === undefined) {
		refuseInToolCall(
			`Model Parameters "Fit on This Batch" (${settings.model.name})`,
			`a ${settings.model.name} fit estimates the parameters from many customers (at least 30)`,
			'Fit once on all customers in a workflow, and give the tool its Model output item with Model Parameters → Use Supplied Parameters, or use Method → Rules Only.',
		);
	}
	if (settings.shape === 'transaction') {
		refuseInToolCall(
			'Input Shape "One Item per Transaction"',
			'one order is not a purchase history',
			'Use One Item per Customer (first and last purchase dates and order count) or One Item per Customer (Summary).',
		);
	}
}
