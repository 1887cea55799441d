import ICAL from 'ical.js';
import { buildEvent, icsUtc, revisitUid } from '../../nodes/shared/revisit';
import { eventTimeLines, RevisitEventWriter } from '../../nodes/shared/revisit/revisitEvent';
import type { Language } from '../../nodes/shared/format/language';

const stamp = new Date('2025-09-29T02:00:00Z');
const start = icsUtc(new Date('2025-10-09T01:30:00Z'));
const end = icsUtc(new Date('2025-10-09T02:00:00Z'));

/** The event as buildEvent writes it from the summary and description the writer promises. */
function expected(language: Language, customerId: string, name: string | undefined, channelLabel: string, reason: string, priority: number) {
	const zh = language === 'zh-CN';
	const who = name === undefined ? customerId : zh ? `${name}（${customerId}）` : `${name} (${customerId})`;
	return buildEvent({
		uid: revisitUid(customerId, '2025-10-09'),
		stamp,
		start,
		end,
		summary: `${channelLabel}: ${name ?? customerId}`,
		description: zh ? [`原因：${reason}`, `客户：${who}`] : [`Reason: ${reason}`, `Customer: ${who}`],
		priority,
	});
}

describe('RevisitEventWriter', () => {
	const cases: Array<[string, string | undefined, string, string]> = [
		['C05', '王芳', 'Phone call', 'Critical churn risk'],
		['C06', undefined, '电话回访', '回访'],
		['客户 1;a,b', 'Smith, John; "VIP" \\ floor 3', 'Visit', 'Late, twice; angry\nagain'],
		['C07', 'line\r\nbreak\rcarriage', 'Message', 'ends with CR\r'],
		['C08', '😀'.repeat(30), '上门拜访', '很长的原因'.repeat(10)],
		['VERY-LONG-CUSTOMER-IDENTIFIER-0000000000000000000001', '李'.repeat(40), 'Phone call', 'x'.repeat(120)],
		['ID-0000000000000000000000000030', 'exactly at the limit?', 'Visit', 'r'],
		// Lone surrogates: a high one pairs with whatever follows it when the line is folded.
		['C09', `${'长'.repeat(14)}\uD83D`, '电话回访', 'r'],
		['C10', `\uD83D`, '电话回访', '原因'.repeat(8)],
		[`C12\uD83D`, undefined, '电话回访', '原因'.repeat(8)],
		['C11', `\uDE00${'x'.repeat(40)}\uD83Dy`, 'Visit', 'r'],
	];

	it.each(['en', 'zh-CN'] as const)('writes exactly what buildEvent writes (%s)', (language) => {
		const writer = new RevisitEventWriter(stamp, language);
		for (const [customerId, name, channelLabel, reason] of cases) {
			for (const priority of [1, 5]) {
				const event = writer.write({ customerId, name, channelLabel, reason, compactDate: '20251009', timeLines: eventTimeLines(start, end), priority });
				expect(event).toBe(expected(language, customerId, name, channelLabel, reason, priority));
			}
		}
	});

	it('writes events ical.js reads back', () => {
		const writer = new RevisitEventWriter(stamp, 'zh-CN');
		const event = writer.write({
			customerId: 'C1',
			name: '王芳, "VIP"',
			channelLabel: '电话回访',
			reason: 'Critical; churn',
			compactDate: '20251009',
			timeLines: eventTimeLines(start, end),
			priority: 1,
		});
		const parsed = new ICAL.Event(new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n${event}END:VCALENDAR\r\n`)).getFirstSubcomponent('vevent')!);
		expect([parsed.uid, parsed.summary, parsed.description]).toEqual([
			'revisit-C1-20251009@n8n-nodes-customer-care',
			'电话回访: 王芳, "VIP"',
			'原因：Critical; churn\n客户：王芳, "VIP"（C1）',
		]);
	});
});
