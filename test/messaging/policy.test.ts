import { ConfigError, InputError } from '../../nodes/shared/input';
import { toIsoWithOffset } from '../../nodes/shared/format/isoDate';
import {
	capWindowStart,
	checkConsent,
	checkSendingWindow,
	countContactsFromField,
	isCapped,
	parseSendingWindow,
	parseYesNo,
	recipientTimeZone,
	validateFrequencyCap,
} from '../../nodes/shared/messaging/policy';

describe('consent', () => {
	it('reads the ways CRMs write yes and no', () => {
		for (const yes of [true, 1, 'yes', 'Y', 'TRUE', 'opted_in', 'subscribed', '同意', '是', ' granted ']) {
			expect(parseYesNo(yes, 'consent')).toBe(true);
		}
		for (const no of [false, 0, 'no', 'false', 'opted_out', 'unsubscribed', 'withdrawn', '拒绝', '否', '退订']) {
			expect(parseYesNo(no, 'consent')).toBe(false);
		}
		expect(parseYesNo('', 'consent')).toBeUndefined();
		expect(parseYesNo(null, 'consent')).toBeUndefined();
	});

	it('rejects a value it cannot read instead of guessing', () => {
		expect(() => parseYesNo('maybe', 'marketing.consent')).toThrow(InputError);
		expect(() => parseYesNo('maybe', 'marketing.consent')).toThrow(
			/^field "marketing.consent" is "maybe", which is not a recognised yes\/no value/,
		);
		expect(() => parseYesNo(2, 'consent')).toThrow(InputError);
		for (const unreadable of [NaN, Infinity, 0.5, ['yes'], { yes: true }, 'constructor', '__proto__', 1n]) {
			expect(() => parseYesNo(unreadable, 'consent')).toThrow(InputError);
		}
		// Full-width forms, as a Chinese input method types them, read as their half-width ones.
		expect(parseYesNo('ＹＥＳ', 'consent')).toBe(true);
		expect(parseYesNo('１', 'consent')).toBe(true);
		expect(parseYesNo('ｏｐｔｅｄ＿ｏｕｔ', 'consent')).toBe(false);
	});

	it('opt-in mode sends only on a recorded yes', () => {
		expect(checkConsent('yes', 'consent', 'optIn')).toEqual({ allowed: true });
		expect(checkConsent(undefined, 'consent', 'optIn')).toEqual({
			allowed: false,
			detail: '"consent" records no opt-in consent',
		});
		expect(checkConsent('no', 'consent', 'optIn')).toEqual({
			allowed: false,
			detail: '"consent" records that the customer opted out',
		});
	});

	it('opt-out mode sends unless the customer said no', () => {
		expect(checkConsent(undefined, 'consent', 'optOut')).toEqual({ allowed: true });
		expect(checkConsent(false, 'consent', 'optOut').allowed).toBe(false);
	});

	it('an opted-out field means the reverse', () => {
		expect(checkConsent(true, 'unsubscribed', 'optOut', 'optedOut').allowed).toBe(false);
		expect(checkConsent(false, 'unsubscribed', 'optIn', 'optedOut')).toEqual({ allowed: true });
	});

	it('staff messages ignore the field entirely, even an unreadable one', () => {
		expect(checkConsent('maybe', 'consent', 'ignore')).toEqual({ allowed: true });
	});
});

describe('quiet hours', () => {
	const nineToEight = parseSendingWindow('09:00', '20:00');
	const check = (iso: string, zone: string, window = nineToEight) => {
		const decision = checkSendingWindow(new Date(iso), zone, window);
		return decision.allowed ? 'allowed' : toIsoWithOffset(decision.deferUntil, zone);
	};

	it('defers early-morning messages to 09:00 the same local day', () => {
		expect(check('2026-03-08T00:30:00Z', 'Asia/Shanghai')).toBe('2026-03-08T09:00:00+08:00');
	});

	it('allows 09:00 up to 19:59 and defers 20:00 (end exclusive) to 09:00 the next day', () => {
		expect(check('2026-03-08T01:00:00Z', 'Asia/Shanghai')).toBe('allowed');
		expect(check('2026-03-08T11:59:59Z', 'Asia/Shanghai')).toBe('allowed');
		expect(check('2026-03-08T12:00:00Z', 'Asia/Shanghai')).toBe('2026-03-09T09:00:00+08:00');
	});

	it('uses each recipient zone: the same instant is allowed in Berlin and deferred in Shanghai', () => {
		expect(check('2026-03-08T14:00:00Z', 'Europe/Berlin')).toBe('allowed');
		expect(check('2026-03-08T14:00:00Z', 'Asia/Shanghai')).toBe('2026-03-09T09:00:00+08:00');
	});

	it('opens at 09:00 wall-clock time on a daylight-saving change day', () => {
		// New York moves to EDT at 02:00 on Sunday 8 March 2026: midnight is -05:00, 09:00 is -04:00.
		expect(check('2026-03-08T05:00:00Z', 'America/New_York')).toBe('2026-03-08T09:00:00-04:00');
		expect(check('2026-10-31T23:30:00Z', 'Europe/London')).toBe('2026-11-01T09:00:00+00:00');
	});

	it('opens at a start the clocks show twice at its first showing, east of UTC too, and never in the past', () => {
		const fromHalfPastTwo = parseSendingWindow('02:30', '20:00');
		// Berlin's autumn night: 02:30 CEST (00:30Z) comes before 02:30 CET (01:30Z).
		expect(check('2025-10-25T23:00:00Z', 'Europe/Berlin', fromHalfPastTwo)).toBe('2025-10-26T02:30:00+02:00');
		expect(check('2025-04-05T14:00:00Z', 'Australia/Sydney', fromHalfPastTwo)).toBe('2025-04-06T02:30:00+11:00');
		// At 01:15 EST, New York's second 01:15: the 01:30 EDT of an hour ago is past, so it opens at 01:30 EST.
		const fromHalfPastOne = parseSendingWindow('01:30', '20:00');
		expect(check('2025-11-02T06:15:00Z', 'America/New_York', fromHalfPastOne)).toBe('2025-11-02T01:30:00-05:00');
		expect(check('2025-11-02T05:15:00Z', 'America/New_York', fromHalfPastOne)).toBe('2025-11-02T01:30:00-04:00');
		// A start the clocks skip opens at the change (02:30 EST is 03:30 EDT).
		expect(check('2026-03-08T05:00:00Z', 'America/New_York', fromHalfPastTwo)).toBe('2026-03-08T03:30:00-04:00');
	});

	it('supports a window across midnight', () => {
		const night = parseSendingWindow('22:00', '06:00');
		expect(check('2026-03-08T15:00:00Z', 'Asia/Shanghai', night)).toBe('allowed'); // 23:00
		expect(check('2026-03-08T21:59:00Z', 'Asia/Shanghai', night)).toBe('allowed'); // 05:59
		expect(check('2026-03-08T04:00:00Z', 'Asia/Shanghai', night)).toBe('2026-03-08T22:00:00+08:00'); // 12:00
	});

	it('rejects malformed or empty windows', () => {
		expect(() => parseSendingWindow('9am', '20:00')).toThrow(ConfigError);
		expect(() => parseSendingWindow('09:00', '24:00')).toThrow(ConfigError);
		expect(() => parseSendingWindow('09:00', '09:00')).toThrow(
			'Parameter "Sending Hours End" is "09:00", which is the same time as Sending Hours Start ("09:00") and leaves no time to send (expected an end different from the start; turn Quiet Hours off to send at any time)',
		);
		expect(parseSendingWindow('7:05', '21:30')).toEqual({ startMinute: 425, endMinute: 1290 });
	});

	it('takes the recipient zone from its field, the default when empty, and rejects unknown zones', () => {
		expect(recipientTimeZone('Europe/Berlin', 'timeZone', 'Asia/Shanghai')).toBe('Europe/Berlin');
		expect(recipientTimeZone('', 'timeZone', 'Asia/Shanghai')).toBe('Asia/Shanghai');
		expect(() => recipientTimeZone('Mars/Olympus', 'timeZone', 'UTC')).toThrow(
			'field "timeZone" is "Mars/Olympus", which is not a time zone (expected an IANA time zone such as Asia/Shanghai or Europe/Berlin)',
		);
		expect(() => recipientTimeZone(undefined, 'timeZone', 'Nowhere/Town')).toThrow(ConfigError);
		// An offset is refused on every engine since O's b88d59e; the message says why.
		expect(() => recipientTimeZone(' +08:00 ', 'timeZone', 'UTC')).toThrow('field "timeZone" is " +08:00 ", which is a UTC offset, not an IANA time zone');
	});
});

describe('frequency cap', () => {
	const asOf = new Date('2026-03-08T12:00:00Z');
	const cap = validateFrequencyCap({ maxMessages: 2, windowDays: 7 });
	const since = capWindowStart(asOf, cap, 'UTC');

	it('starts the window the given number of days before the as-of instant', () => {
		expect(since.toISOString()).toBe('2026-03-01T12:00:00.000Z');
	});

	it("counts the window's days on the recipient's calendar, across clock changes", () => {
		const asOfNy = new Date('2024-03-12T10:00:00-04:00');
		// Same wall time 7 days earlier, before New York's spring change: 10:00 EST, not 7 × 24 hours (09:00 EST).
		expect(capWindowStart(asOfNy, cap, 'America/New_York').toISOString()).toBe('2024-03-05T15:00:00.000Z');
		expect(capWindowStart(asOfNy, cap, 'Asia/Shanghai').toISOString()).toBe('2024-03-05T14:00:00.000Z');
		// 02:30 on 10 March does not exist there: the window starts when the clocks jump past it (03:00 EDT).
		expect(capWindowStart(new Date('2024-03-17T02:30:00-04:00'), cap, 'America/New_York').toISOString()).toBe('2024-03-10T07:00:00.000Z');
		// 01:30 on 3 November happens twice: its first showing (EDT).
		expect(capWindowStart(new Date('2024-11-10T01:30:00-05:00'), cap, 'America/New_York').toISOString()).toBe('2024-11-03T05:30:00.000Z');
		// A fraction of a day is wall-clock hours: 3.5 days before 10:00 on 12 March is 22:00 EST on 8 March.
		const halfWeek = validateFrequencyCap({ maxMessages: 1, windowDays: 3.5 });
		expect(capWindowStart(new Date('2024-03-12T10:00:00-04:00'), halfWeek, 'America/New_York').toISOString()).toBe('2024-03-09T03:00:00.000Z');
	});

	it('counts a single last-contacted date or a contact history inside the window', () => {
		expect(countContactsFromField('2026-03-05', 'lastContactedAt', since, 'UTC')).toBe(1);
		expect(countContactsFromField('2026-02-20', 'lastContactedAt', since, 'UTC')).toBe(0);
		expect(countContactsFromField(['2026-03-07T10:00:00+08:00', '2026-03-02', '2026-01-01'], 'contacts', since, 'UTC')).toBe(2);
		expect(countContactsFromField(undefined, 'lastContactedAt', since, 'UTC')).toBe(0);
	});

	it('reads a date-only value in the recipient zone at the window edge', () => {
		// 20:00 on 1 March in Shanghai is 12:00Z, exactly the window start: inside; a second earlier is not.
		expect(countContactsFromField('2026-03-01T20:00:00', 'lastContactedAt', since, 'Asia/Shanghai')).toBe(1);
		expect(countContactsFromField('2026-03-01T19:59:59', 'lastContactedAt', since, 'Asia/Shanghai')).toBe(0);
	});

	it('names the bad entry of a contact history', () => {
		expect(() => countContactsFromField(['2026-03-02', 'soon'], 'contacts', since, 'UTC')).toThrow(
			/^field "contacts.1" is "soon", which is not a date/,
		);
	});

	it('is capped once the count reaches the maximum', () => {
		expect(isCapped(1, cap)).toBe(false);
		expect(isCapped(2, cap)).toBe(true);
	});

	it('rejects a cap that would silently never or always apply', () => {
		expect(() => validateFrequencyCap({ maxMessages: 0, windowDays: 7 })).toThrow(ConfigError);
		expect(() => validateFrequencyCap({ maxMessages: 1.5, windowDays: 7 })).toThrow(
			'Parameter "Max Messages" is 1.5, which is not a whole number of at least 1 (expected the most care messages a customer may get in the window, such as 1)',
		);
		expect(() => validateFrequencyCap({ maxMessages: 1, windowDays: 0 })).toThrow(
			'Parameter "Window (Days)" is 0, which is not a positive number of days (expected the days the cap looks back from As Of, such as 7)',
		);
		expect(() => validateFrequencyCap({ maxMessages: 1, windowDays: Number.NaN })).toThrow('Parameter "Window (Days)" is NaN, which');
	});
});
