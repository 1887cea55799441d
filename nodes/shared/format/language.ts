/** The languages of labels and reasons: English keys always, display labels in one of these. */
export type Language = 'en' | 'zh-CN';

export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
