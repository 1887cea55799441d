import type { LabelTable } from '../../format/language';
import LABELS from '../../format/labels.json';

/** Why an item went to the Skipped output. */
export type SkipReason = 'noConsent' | 'quietHours' | 'capped' | 'duplicate' | 'dryRun';

export const SKIP_REASON_LABELS: LabelTable<SkipReason> = LABELS.skipReason;
