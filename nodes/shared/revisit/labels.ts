// The English keys the revisit results carry, and their display labels.
import type { LabelTable } from '../format/language';

export type { Language } from '../format/language';

export type Priority = 'urgent' | 'high' | 'normal' | 'low';
export type Channel = 'call' | 'visit' | 'message';
export type RevisitStatus = 'scheduled' | 'alreadyScheduled' | 'unschedulable';
export type OccasionType = 'birthday' | 'lunarBirthday' | 'membershipAnniversary' | 'firstPurchaseAnniversary' | 'festival';

export const PRIORITIES: readonly Priority[] = ['urgent', 'high', 'normal', 'low'];
export const CHANNELS: readonly Channel[] = ['call', 'visit', 'message'];

export const PRIORITY_LABELS: LabelTable<Priority> = {
	urgent: { en: 'Urgent', 'zh-CN': '紧急' },
	high: { en: 'High', 'zh-CN': '高' },
	normal: { en: 'Normal', 'zh-CN': '普通' },
	low: { en: 'Low', 'zh-CN': '低' },
};

export const CHANNEL_LABELS: LabelTable<Channel> = {
	call: { en: 'Phone call', 'zh-CN': '电话回访' },
	visit: { en: 'Visit', 'zh-CN': '上门拜访' },
	message: { en: 'Message', 'zh-CN': '消息回访' },
};

export const STATUS_LABELS: LabelTable<RevisitStatus> = {
	scheduled: { en: 'Scheduled', 'zh-CN': '已排期' },
	alreadyScheduled: { en: 'Already scheduled', 'zh-CN': '已有回访安排' },
	unschedulable: { en: 'Not schedulable within the horizon', 'zh-CN': '排期范围内无法安排' },
};

export const OCCASION_LABELS: LabelTable<OccasionType> = {
	birthday: { en: 'Birthday', 'zh-CN': '生日' },
	lunarBirthday: { en: 'Lunar birthday', 'zh-CN': '农历生日' },
	membershipAnniversary: { en: 'Membership anniversary', 'zh-CN': '入会周年' },
	firstPurchaseAnniversary: { en: 'First purchase anniversary', 'zh-CN': '首购周年' },
	festival: { en: 'Festival', 'zh-CN': '节日' },
};
