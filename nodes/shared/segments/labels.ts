export type { Language } from '../format/language';
import type { LabelTable, Language } from '../format/language';

/** A stable English key plus the label shown to people, in the chosen language. */
export interface Labelled {
	key: string;
	label: string;
}

export function labelFor<K extends string>(table: LabelTable<K>, key: K, language: Language): Labelled {
	return { key, label: table[key][language] };
}
