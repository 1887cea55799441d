import { InputError } from '../shared/input';

/** The result field may not overwrite a field of the input item: a per-item error naming it. */
export function checkOutputFieldFree(json: Record<string, unknown>, outputField: string): void {
	if (outputField in json) {
		throw new InputError(outputField, json[outputField], 'already exists in the item', 'a free output field: change "Output Field"');
	}
}
