// The English keys the revisit results carry, and their display labels (texts in format/labels.json).
import type { LabelTable } from '../format/language';
import LABELS from '../format/labels.json';

export type { Language } from '../format/language';

export type Priority = 'urgent' | 'high' | 'normal' | 'low';
export type Channel = 'call' | 'visit' | 'message';
export type RevisitStatus = 'scheduled' | 'alreadyScheduled' | 'unschedulable';
export type OccasionType = 'birthday' | 'lunarBirthday' | 'membershipAnniversary' | 'firstPurchaseAnniversary' | 'festival';

export const PRIORITIES: readonly Priority[] = ['urgent', 'high', 'normal', 'low'];
export const CHANNELS: readonly Channel[] = ['call', 'visit', 'message'];

export const PRIORITY_LABELS: LabelTable<Priority> = LABELS.revisitPriority;
export const CHANNEL_LABELS: LabelTable<Channel> = LABELS.revisitChannel;
export const STATUS_LABELS: LabelTable<RevisitStatus> = LABELS.revisitStatus;
export const OCCASION_LABELS: LabelTable<OccasionType> = LABELS.occasion;
