import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { checkOutputFieldFree, isToolCall, ItemRouter, toNodeError } from '../common';
import { fieldAdder } from '../shared/outputItems/withField';
import { Redactor } from '../shared/messaging/channels';
import { prepareCareItem } from '../shared/messaging/sending';
import { readCredentials, sendPending } from './operations/send';
import { itemErrorCare, OUTPUT, redactAll, redactErrorTexts, resultCare, settingsErrorCare, withoutConsentCare, type Pending } from './result';
import { readOutputField, readSettings, type RunSettings } from './settings';

/**
 * Under "Continue (regular output)" a failed item leaves on Failed as the outputs are documented: its
 * fields, `error` and `care`. It carries no item-level error: n8n's engine replaces the JSON of such an
 * item with `{ error }` alone (n8n's own nodes emit just that), and a Failed item without its customer ID
 * could not be written back or retried. Under "Continue (using error output)", in a tool call and without
 * continue-on-fail the error goes n8n's way (ItemRouter, runRouted).
 */
function failsOnFailedOutput(ctx: IExecuteFunctions): boolean {
	return ctx.continueOnFail() && ctx.getNode().onError !== 'continueErrorOutput' && !isToolCall(ctx);
}

/** A setting or credential the run cannot work with: every item on Failed with the reason, or the error n8n's way. */
function failEveryItem(ctx: IExecuteFunctions, error: unknown, settings: RunSettings | undefined): INodeExecutionData[][] {
	const outputField = settings?.outputField ?? readOutputField(ctx);
	if (!failsOnFailedOutput(ctx) || outputField === undefined) throw error;
	const message = toNodeError(ctx.getNode(), error).message;
	const care = settingsErrorCare(settings, message);
	const failed = ctx.getInputData().map(({ json }, index): INodeExecutionData => ({
		json: outputField in json ? { error: message } : { ...json, error: message, [outputField]: care },
		pairedItem: { item: index },
	}));
	return [[], [], failed];
}

/**
 * Read the settings and credentials -> check and render each item -> send the candidates as one batch ->
 * route: Sent, Skipped, Failed. A bad item fails alone (on Failed under continue-on-fail).
 */
export async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	let settings: RunSettings | undefined;
	let credentials: Awaited<ReturnType<typeof readCredentials>>;
	try {
		settings = readSettings(ctx);
		credentials = await readCredentials(ctx, settings);
	} catch (error) {
		return failEveryItem(ctx, error, settings);
	}
	const items = ctx.getInputData();
	const router = new ItemRouter(ctx, items.length, 3, OUTPUT.failed);

	// The same redaction as inside each channel, over every credential of this run, for everything the node emits.
	const redactor = Redactor.forCredentials(credentials.channel, credentials.ledger);
	const redact = (text: string) => redactor.redact(text);
	const redactError = <E>(error: E): E => redactErrorTexts(error, redact);
	const addCare = fieldAdder(settings.outputField);
	const place = (index: number, status: keyof typeof OUTPUT, care: IDataObject) =>
		router.place(index, OUTPUT[status], { json: addCare(items[index].json, redactAll(care, redact)), pairedItem: { item: index } });

	/** A bad item: on Failed with its fields (failsOnFailedOutput), else n8n's error item. */
	const onFailed = failsOnFailedOutput(ctx);
	const reject = (index: number, error: unknown, careType: string | undefined) => {
		const json = items[index].json;
		if (!onFailed || settings.outputField in json) return router.reject(error, index);
		const message = toNodeError(ctx.getNode(), error, index).message;
		const care = itemErrorCare(settings, careType, message);
		router.placeRejected(index, OUTPUT.failed, { json: addCare({ ...json, error: message }, redactAll(care, redact)), pairedItem: { item: index } });
	};

	const pending: Pending[] = [];
	for (let i = 0; i < items.length; i++) {
		let careType: string | undefined;
		try {
			const json = items[i].json;
			checkOutputFieldFree(json, settings.outputField);
			// The item's own message parameters where they are expressions; a bad value fails this item only.
			const prepare = settings.prepareFor(i);
			careType = prepare.careType;
			const prepared = prepareCareItem(json, prepare);
			if (prepared.kind === 'candidate') pending.push({ index: i, candidate: prepared.candidate, locale: prepared.locale });
			else place(i, 'skipped', withoutConsentCare(settings, prepare.careType, prepared.locale, prepared.detail));
		} catch (error) {
			reject(i, redactError(error), careType);
		}
	}

	if (pending.length > 0) {
		const results = await sendPending(ctx, settings, pending, credentials, redact, redactError);
		results.forEach((result, j) => place(pending[j].index, result.output, resultCare(settings, pending[j], result)));
	}
	return router.outputs();
}
