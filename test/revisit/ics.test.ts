import ICAL from 'ical.js';
import { buildCalendar, buildEvent, escapeText, foldLine, icsUtc, revisitUid } from '../../nodes/shared/revisit';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('iCalendar text (RFC 5545)', () => {
	it('escapes backslash, semicolon, comma and line breaks', () => {
		expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
	});

	it('folds at 75 octets, never inside a UTF-8 character, and unfolds to the original', () => {
		const line = `DESCRIPTION:${'回访原因：客户满意度低，'.repeat(12)}`;
		const folded = foldLine(line);
		const physical = folded.split('\r\n');
		expect(physical.length).toBeGreaterThan(1);
		for (const [i, part] of physical.entries()) {
			expect(octets(part)).toBeLessThanOrEqual(75);
			if (i > 0) expect(part.startsWith(' ')).toBe(true);
			expect(part).not.toContain('\uFFFD');
		}
		expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
		// The first line is filled as far as whole characters allow: 12 ASCII octets + 21 three-octet characters = 75.
		expect(octets(physical[0])).toBe(75);
	});

	it('keeps 4-octet characters (surrogate pairs) whole', () => {
		const line = `SUMMARY:${'🎂'.repeat(30)}`;
		const physical = foldLine(line).split('\r\n');
		// 8 octets + 16 cakes = 72 (a 17th would make 76); the other 14 cakes = 56 + the leading space.
		expect(physical.map(octets)).toEqual([72, 57]);
		expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
	});

	it('leaves short ASCII lines alone and folds long ASCII lines at exactly 75 octets', () => {
		expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
		const folded = foldLine(`X:${'a'.repeat(200)}`).split('\r\n');
		// 202 octets: 75 on the first line, then a space + 74, then a space + the remaining 53.
		expect(folded.map(octets)).toEqual([75, 75, 54]);
	});

	it('writes UTC date-times and stable UIDs', () => {
		expect(icsUtc(new Date('2025-03-09T07:30:00Z'))).toBe('20250309T073000Z');
		expect(revisitUid('C-001', '2025-10-09')).toBe('revisit-C-001-20251009@n8n-nodes-customer-care');
		expect(revisitUid('客户 1;a,b', '2025-10-09')).toBe(revisitUid('客户 1;a,b', '2025-10-09'));
		expect(revisitUid('a b', '2025-10-09')).not.toBe(revisitUid('a_b', '2025-10-09'));
		expect(revisitUid('客户 1;a,b', '2025-10-09')).toMatch(/^revisit-[A-Za-z0-9._~=-]+-20251009@n8n-nodes-customer-care$/);
	});

	it('gives an ID with a lone surrogate (broken UTF-16 text) a UID of its own instead of failing the run', () => {
		// A lone surrogate is written =U and its code; a proper pair is kept. U+FFFD is another ID, with another UID.
		expect(revisitUid('C\uD83D1', '2025-10-09')).toBe('revisit-C=UD83D1-20251009@n8n-nodes-customer-care');
		expect(revisitUid('\uDE00C', '2025-10-09')).toBe('revisit-=UDE00C-20251009@n8n-nodes-customer-care');
		expect(revisitUid('\uD83D\uD83D', '2025-10-09')).toBe('revisit-=UD83D=UD83D-20251009@n8n-nodes-customer-care');
		expect(revisitUid('C\uFFFD1', '2025-10-09')).toBe('revisit-C=EF=BF=BD1-20251009@n8n-nodes-customer-care');
		expect(revisitUid('C😀', '2025-10-09')).toBe('revisit-C=F0=9F=98=80-20251009@n8n-nodes-customer-care');
	});

	it('produces a VEVENT that ical.js parses back to the same values', () => {
		const summary = 'Phone call: 王五, "VIP"; floor 3\\B';
		const description = 'Reason: Critical churn risk, called twice; no answer\n优先级：紧急\nOwner: alice';
		const event = buildEvent({
			uid: revisitUid('C1', '2025-03-10'),
			stamp: new Date('2025-03-07T15:00:00Z'),
			start: icsUtc(new Date('2025-03-10T13:30:00Z')),
			end: icsUtc(new Date('2025-03-10T14:00:00Z')),
			summary,
			description,
			priority: 1,
		});
		expect(event.endsWith('\r\n')).toBe(true);
		expect(event.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const line of event.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);

		const calendar = new ICAL.Component(ICAL.parse(buildCalendar([event], 'Revisits alice 2025-03-10')));
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		const vevents = calendar.getAllSubcomponents('vevent');
		expect(vevents).toHaveLength(1);
		const parsed = new ICAL.Event(vevents[0]);
		expect(parsed.uid).toBe('revisit-C1-20250310@n8n-nodes-customer-care');
		expect(parsed.summary).toBe(summary);
		expect(parsed.description).toBe(description);
		expect(parsed.startDate.toJSDate().toISOString()).toBe('2025-03-10T13:30:00.000Z');
		expect(parsed.endDate.toJSDate().toISOString()).toBe('2025-03-10T14:00:00.000Z');
		expect(vevents[0].getFirstPropertyValue('priority')).toBe(1);
		expect((vevents[0].getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe('2025-03-07T15:00:00.000Z');
	});

	it('takes the description as lines, escaping each', () => {
		const event = buildEvent({
			uid: 'u1',
			stamp: new Date(0),
			start: '20251009T013000Z',
			end: '20251009T020000Z',
			summary: 's',
			description: ['Reason: late, twice; \\ angry', '优先级：紧急'],
		});
		expect(event).toContain('DESCRIPTION:Reason: late\\, twice\\; \\\\ angry\\n优先级：紧急\r\n');
		const parsed = new ICAL.Event(new ICAL.Component(ICAL.parse(buildCalendar([event]))).getFirstSubcomponent('vevent')!);
		expect(parsed.description).toBe('Reason: late, twice; \\ angry\n优先级：紧急');
	});

	it('wraps several events in one calendar', () => {
		const make = (id: string) =>
			buildEvent({ uid: revisitUid(id, '2025-10-09'), stamp: new Date(0), start: '20251009T013000Z', end: '20251009T020000Z', summary: id });
		const calendar = new ICAL.Component(ICAL.parse(buildCalendar([make('A'), make('B')])));
		expect(calendar.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('summary'))).toEqual(['A', 'B']);
		expect(calendar.getFirstPropertyValue('prodid')).toBe('-//n8n-nodes-customer-care//Schedule Revisit//EN');
	});
});
