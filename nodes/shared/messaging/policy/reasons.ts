import type { LabelTable } from '../../format/language';

/** Why an item went to the Skipped output. */
export type SkipReason = 'noConsent' | 'quietHours' | 'capped' | 'duplicate' | 'dryRun';

export const SKIP_REASON_LABELS: LabelTable<SkipReason> = {
	noConsent: { en: 'No consent', 'zh-CN': '未获授权' },
	quietHours: { en: 'Quiet hours', 'zh-CN': '免打扰时段' },
	capped: { en: 'Frequency cap reached', 'zh-CN': '已达发送频次上限' },
	duplicate: { en: 'Already sent', 'zh-CN': '已发送过' },
	dryRun: { en: 'Dry run (not sent)', 'zh-CN': '试运行（未发送）' },
};
