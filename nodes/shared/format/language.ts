/** The languages of labels and reasons: English keys always, display labels in one of these. */
export type Language = 'en' | 'zh-CN';

export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

export function isLanguage(value: unknown): value is Language {
	return LANGUAGES.includes(value as Language);
}

/** The display label of each English key, in every language. */
export type LabelTable<K extends string> = Record<K, Record<Language, string>>;
