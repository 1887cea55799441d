import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { checkOutputFieldFree, ItemRouter, toNodeError } from '../common';
import { fieldAdder } from '../shared/outputItems/withField';
import { Redactor } from '../shared/messaging/channels';
import { prepareCareItem } from '../shared/messaging/sending';
import { readCredentials, sendPending } from './operations/send';
import { itemErrorCare, OUTPUT, redactAll, resultCare, withoutConsentCare, type Pending } from './result';
import { readSettings } from './settings';

/**
 * Read the settings and credentials -> check and render each item -> send the candidates as one batch ->
 * route: Sent, Skipped, Failed. A bad item fails alone (on Failed under continue-on-fail).
 */
export async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const settings = readSettings(ctx);
	const credentials = await readCredentials(ctx, settings);
	const items = ctx.getInputData();
	const router = new ItemRouter(ctx, items.length, 3, OUTPUT.failed);

	// The same redaction as inside each channel, over every credential of this run, for everything the node emits.
	const redactor = Redactor.forCredentials(credentials.channel, credentials.ledger);
	const redact = (text: string) => redactor.redact(text);
	const redactError = <E>(error: E): E => {
		if (error instanceof Error) error.message = redact(error.message);
		return error;
	};
	const addCare = fieldAdder(settings.outputField);
	const place = (index: number, status: keyof typeof OUTPUT, care: IDataObject) =>
		router.place(index, OUTPUT[status], { json: addCare(items[index].json, redactAll(care, redact)), pairedItem: { item: index } });

	/**
	 * A bad item. Under "Continue (regular output)" it leaves on Failed as the documented outputs have it:
	 * its fields, `error` and `care`. It carries no item-level error: n8n's engine replaces the JSON of such
	 * an item with `{ error }` alone (n8n's own nodes emit just that), and a Failed item without its customer
	 * ID could not be written back or retried. Under "Continue (using error output)" it is n8n's error item,
	 * which the engine moves to the error output.
	 */
	const toErrorOutput = ctx.getNode().onError === 'continueErrorOutput';
	const reject = (index: number, error: unknown, careType: string | undefined) => {
		const json = items[index].json;
		if (!router.continueOnFail || router.toolCall || toErrorOutput || settings.outputField in json) return router.reject(error, index);
		const message = toNodeError(ctx.getNode(), error, index).message;
		const care = itemErrorCare(settings, careType, message);
		router.place(index, OUTPUT.failed, { json: addCare({ ...json, error: message }, redactAll(care, redact)), pairedItem: { item: index } });
		router.rejectedItems++;
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
		const results = await sendPending(ctx, settings, pending, credentials, redactError);
		results.forEach((result, j) => place(pending[j].index, result.output, resultCare(settings, pending[j], result)));
	}
	return router.outputs();
}
