import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

const base = {
	operation: 'findOccasions',
	asOf: '2026-07-01T10:00:00+08:00',
	timeZone: 'Asia/Shanghai',
	lookAheadDays: 60,
	festivals: ['qixiFestival', 'midAutumnFestival'],
	lunarFromBirthday: true,
};

describe('ScheduleRevisit node, "Find care occasions", in the real engine', () => {
	it('lists each customer\'s occasions in the window, including lunar and leap-month birthdays', async () => {
		const result = await runNode({
			type: 'scheduleRevisit',
			parameters: base,
			items: [
				{ customerId: 'A', birthday: '2025-08-03' }, // lunar leap 6/10 of 2025
				{ customerId: 'B', lunarBirthday: '1980-06-15', memberSince: '2020-07-10' },
				{ customerId: 'C' },
			],
		});
		expect(result.error).toBeUndefined();
		const out = result.json(NODE_UNDER_TEST, 0);
		expect(out.map((o) => o.customerId)).toEqual(['A', 'B', 'C']);
		const summary = (o: Record<string, unknown>) =>
			(o.revisit as { occasions: Array<{ key: string; date: string; daysUntil: number }> }).occasions.map((x) => `${x.date} ${x.key} +${x.daysUntil}`);
		expect(out.map(summary)).toEqual([
			['2026-07-23 lunarBirthday +22', '2026-08-03 birthday +33', '2026-08-19 qixiFestival +49'],
			['2026-07-10 membershipAnniversary +9', '2026-07-28 lunarBirthday +27', '2026-08-19 qixiFestival +49'],
			['2026-08-19 qixiFestival +49'],
		]);
		expect(out[0].revisit).toMatchObject({
			window: { from: '2026-07-01', to: '2026-08-30' },
			count: 3,
			next: { type: 'lunarBirthday', age: 1, lunarDate: 'leap 6/10', shift: 'leapMonthAsRegular' },
		});
		expect(result.json(NODE_UNDER_TEST, 1)).toEqual([]);
		expect(result.items(NODE_UNDER_TEST, 0).map((i) => i.pairedItem)).toEqual([0, 1, 2].map((item) => ({ item })));
	});

	it('looks at one date, with labels in Chinese', async () => {
		const result = await runNode({
			type: 'scheduleRevisit',
			parameters: { ...base, window: 'onDate', occasionDate: '2026-02-17', festivals: ['springFestival'], language: 'zh-CN', asOf: '2026-02-01T09:00:00+08:00' },
			items: [{ customerId: 'A', birthday: '1990-01-27' }],
		});
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 0)[0].revisit).toMatchObject({
			window: { from: '2026-02-17', to: '2026-02-17' },
			occasions: [
				{ type: 'lunarBirthday', label: '农历生日', lunarDate: '正月初一', age: 36, daysUntil: 16 },
				{ type: 'festival', key: 'springFestival', label: '春节', daysUntil: 16 },
			],
		});
	});

	it('stops on an impossible birthday, or routes it to the error output under continue-on-fail', async () => {
		const items = [{ customerId: 'A', birthday: '1990-02-30' }, { customerId: 'B', birthday: '1990-07-04' }];
		const stopped = await runNode({ type: 'scheduleRevisit', parameters: base, items });
		expect(stopped.error?.message).toBe(
			'Item 0: field "birthday" is "1990-02-30", which is not a date (expected a date from 1900-01-01 to 2199-12-31 (ISO 8601, YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or epoch seconds/milliseconds))',
		);
		const continued = await runNode({ type: 'scheduleRevisit', parameters: base, items, onError: 'continueErrorOutput' });
		expect(continued.json(NODE_UNDER_TEST, 0).map((o) => o.customerId)).toEqual(['B']);
		expect(continued.json(NODE_UNDER_TEST, 2).map((e) => e.error)).toEqual([stopped.error?.message]);
	});

	// The date is read by the package's one date parser, not JavaScript's lenient Date ("1" was 2001-01-01,
	// 30 February rolled into March, "x" said "NaN-NaN-Na"), and the window must lie where the lunar calendar
	// data reaches (2150 or 2101 found no lunar birthday and no Spring Festival, silently).
	it.each([
		['1', 'Parameter "Date" is "1", which is a number but not an epoch time (expected a date from 1900-01-01 to 2199-12-31: epoch seconds'],
		['12', 'Parameter "Date" is "12", which is a number but not an epoch time (expected a date from 1900-01-01 to 2199-12-31: epoch seconds'],
		['2026-02-30T10:00:00', 'Parameter "Date" is "2026-02-30T10:00:00", which is not a date'],
		['x', 'Parameter "Date" is "x", which is not a date'],
		['2150-09-20', 'Date 2150-09-20 lies outside the lunar calendar data, where lunar birthdays and festivals cannot be found (expected dates from 1900-01-31 to 2101-01-28)'],
		['2101-02-01', 'Date 2101-02-01 lies outside the lunar calendar data'],
		['1850-01-01', 'Parameter "Date" is "1850-01-01", which is 1849-12-31T15:54:17.000Z, outside the plausible range'],
	])('stops on the date %j, naming it and what was expected', async (occasionDate, message) => {
		const result = await runNode({ type: 'scheduleRevisit', parameters: { ...base, window: 'onDate', occasionDate }, items: [{ customerId: 'A', birthday: '1990-01-27' }] });
		expect(result.error?.message).toContain(message);
	});

	it('finds birthdays and solar festivals past the lunar calendar data when nothing lunar is asked for', async () => {
		const solar = { ...base, window: 'onDate', occasionDate: '2150-12-25', occasionTypes: ['birthday'], festivals: ['christmas'], lunarFromBirthday: false };
		const result = await runNode({ type: 'scheduleRevisit', parameters: solar, items: [{ customerId: 'A', birthday: '1990-12-25' }] });
		expect(result.error).toBeUndefined();
		expect(result.json(NODE_UNDER_TEST, 0)[0].revisit).toMatchObject({ count: 2, occasions: [{ type: 'birthday', date: '2150-12-25' }, { key: 'christmas', date: '2150-12-25' }] });
		const lunarFestival = await runNode({ type: 'scheduleRevisit', parameters: { ...solar, festivals: ['christmas', 'springFestival'] }, items: [{ customerId: 'A' }] });
		expect(lunarFestival.error?.message).toContain('Date 2150-12-25 lies outside the lunar calendar data');
	});

	it('stops when the next days reach past the lunar calendar data, and takes a date-time in the node\'s zone', async () => {
		const late = await runNode({ type: 'scheduleRevisit', parameters: { ...base, asOf: '2100-12-01T10:00:00+08:00', lookAheadDays: 90 }, items: [{ customerId: 'A' }] });
		expect(late.error?.message).toBe(
			'The next 90 days from the as-of 2100-12-01T02:00:00.000Z reach outside the lunar calendar data, where lunar birthdays and festivals cannot be found (expected dates from 1900-01-31 to 2101-01-28)',
		);
		const utc = await runNode({ type: 'scheduleRevisit', parameters: { ...base, window: 'onDate', occasionDate: '2026-08-18T16:30:00Z' }, items: [{ customerId: 'A' }] });
		expect(utc.json(NODE_UNDER_TEST, 0)[0].revisit).toMatchObject({ window: { from: '2026-08-19', to: '2026-08-19' }, occasions: [{ key: 'qixiFestival', date: '2026-08-19' }] });
	});

	it('reads the days ahead given as text by an expression, and names text that is no number', async () => {
		const text = await runNode({ type: 'scheduleRevisit', parameters: { ...base, lookAheadDays: '={{ "60" }}' }, items: [{ customerId: 'C' }] });
		expect(text.json(NODE_UNDER_TEST, 0)[0].revisit).toMatchObject({ window: { from: '2026-07-01', to: '2026-08-30' } });
		const words = await runNode({ type: 'scheduleRevisit', parameters: { ...base, lookAheadDays: '={{ "two months" }}' }, items: [{ customerId: 'C' }] });
		expect(words.error?.message).toBe('Parameter "Days Ahead" is "two months", which is not a number (expected a number)');
	});

	it('refuses a window that is too long', async () => {
		const result = await runNode({ type: 'scheduleRevisit', parameters: { ...base, lookAheadDays: 500 }, items: [{ customerId: 'A' }] });
		expect(result.error?.message).toBe('Parameter "Days Ahead" is 500, which is not valid (expected a whole number of days from 0 to 366)');
	});
});
