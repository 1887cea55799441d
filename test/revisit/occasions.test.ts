import { InputError } from '../../nodes/shared/input';
import { OccasionFinder, type OccasionOptions } from '../../nodes/shared/revisit';

const ALL = ['birthday', 'lunarBirthday', 'membershipAnniversary', 'firstPurchaseAnniversary'] as const;

function finder(overrides: Partial<OccasionOptions> = {}) {
	return new OccasionFinder({
		asOf: new Date('2026-07-01T10:00:00+08:00'),
		defaultTimeZone: 'Asia/Shanghai',
		window: { mode: 'nextDays', days: 75 },
		types: [...ALL],
		festivals: ['qixiFestival', 'midAutumnFestival'],
		feb29: 'feb28',
		lunarFromBirthday: true,
		language: 'en',
		...overrides,
	});
}

const short = (f: OccasionFinder, item: Record<string, unknown>) =>
	f.find(item).occasions.map((o) => {
		const parts = [o.date, o.key, `+${o.daysUntil}`];
		if (o.age !== undefined) parts.push(`age ${o.age}`);
		if (o.years !== undefined) parts.push(`years ${o.years}`);
		if (o.lunarDate) parts.push(o.lunarDate);
		if (o.shift) parts.push(o.shift);
		return parts.join(' ');
	});

describe('care occasions (window 2026-07-01 + 75 days, Asia/Shanghai)', () => {
	const f = finder();

	it('observes a birthday of the leap 6th month (闰六月) of 2025 in the regular 6th month of 2026', () => {
		// Born 2025-08-03 = lunar leap 6/10 of 2025; 2026 has no leap month.
		expect(short(f, { birthday: '2025-08-03' })).toEqual([
			'2026-07-23 lunarBirthday +22 age 1 leap 6/10 leapMonthAsRegular',
			'2026-08-03 birthday +33 age 1',
			'2026-08-19 qixiFestival +49',
		]);
	});

	it('finds every personal occasion with ages and years, sorted by date', () => {
		expect(
			short(f, { birthday: '07-21', lunarBirthday: '1980-06-15', memberSince: '2020-07-10', firstPurchaseAt: '2025-08-30' }),
		).toEqual([
			'2026-07-10 membershipAnniversary +9 years 6',
			'2026-07-21 birthday +20 age null',
			'2026-07-28 lunarBirthday +27 age 46 6/15',
			'2026-08-19 qixiFestival +49',
			'2026-08-30 firstPurchaseAnniversary +60 years 1',
		]);
	});

	it('observes a lunar 30th on the 29th when the month is short, and writes lunar dates in Chinese', () => {
		expect(short(f, { lunarBirthday: '2025-07-30' })).toEqual([
			'2026-08-19 qixiFestival +49',
			'2026-09-10 lunarBirthday +71 age 1 7/30 lastDayOfLunarMonth',
		]);
		const zh = finder({ language: 'zh-CN' }).find({ lunarBirthday: '闰06-10' });
		expect(zh.occasions[0]).toEqual({
			type: 'lunarBirthday',
			key: 'lunarBirthday',
			label: '农历生日',
			date: '2026-07-23',
			daysUntil: 22,
			age: null,
			lunarDate: '闰六月初十',
			shift: 'leapMonthAsRegular',
		});
		expect(zh.occasions[1].label).toBe('七夕');
	});

	it('gives festivals to everyone, and a window and count on every item', () => {
		expect(f.find({})).toEqual({
			window: { from: '2026-07-01', to: '2026-09-14' },
			count: 1,
			occasions: [{ type: 'festival', key: 'qixiFestival', label: 'Qixi Festival', date: '2026-08-19', daysUntil: 49 }],
			next: { type: 'festival', key: 'qixiFestival', label: 'Qixi Festival', date: '2026-08-19', daysUntil: 49 },
		});
	});

	it('skips the start date itself (age 0 is not a birthday)', () => {
		expect(short(finder({ festivals: [] }), { memberSince: '2026-07-01', birthday: '2026-06-30' })).toEqual([]);
	});

	it.each([
		[{ birthday: '1990-02-30' }, 'field "birthday" is "1990-02-30", which is not a date'],
		[{ birthday: '2026-07-02' }, 'field "birthday" is "2026-07-02", which lies after the as-of date 2026-07-01'],
		[{ birthday: '13-01' }, 'field "birthday" is "13-01", which is not a date'],
		[{ memberSince: '07-10' }, 'field "memberSince" is "07-10", which is not a date'],
		[{ lunarBirthday: '2026-L05-01' }, 'field "lunarBirthday" is "2026-L05-01", which is not a lunar date: lunar year 2026 has no leap month 5'],
		[{ lunarBirthday: '2025-L06-30' }, 'which is not a lunar date: that month of 2025 has 29 days'],
		[{ lunarBirthday: '1990-13-01' }, 'field "lunarBirthday" is "1990-13-01", which is not a lunar date'],
		[{ lunarBirthday: 'Dragon boat' }, 'which is not a lunar date (expected a lunar date as YYYY-MM-DD'],
		[{ timeZone: 'Mars/Base' }, 'field "timeZone" is "Mars/Base", which is not a known time zone'],
	])('rejects %j naming the field and value', (item, message) => {
		expect(() => f.find(item)).toThrow(InputError);
		expect(() => f.find(item)).toThrow(message);
		// The cached second reading fails the same way.
		expect(() => f.find(item)).toThrow(message);
	});
});

describe('29 February, year ends and single dates', () => {
	it('observes 29 February on 28 February or 1 March in common years, by parameter', () => {
		const asOf = new Date('2025-02-20T00:00:00Z');
		const opts = { asOf, defaultTimeZone: 'UTC', window: { mode: 'nextDays' as const, days: 10 }, festivals: [] };
		// Lunar 2000 began on 2000-02-05, so 2000-02-29 was lunar 1/25; lunar 2025 began on 2025-01-29, so 1/25 is 02-22.
		expect(short(finder({ ...opts, feb29: 'feb28' }), { birthday: '2000-02-29' })).toEqual([
			'2025-02-22 lunarBirthday +2 age 25 1/25',
			'2025-02-28 birthday +8 age 25 feb29ToFeb28',
		]);
		expect(short(finder({ ...opts, feb29: 'mar1', lunarFromBirthday: false }), { birthday: '2000-02-29' })).toEqual([
			'2025-03-01 birthday +9 age 25 feb29ToMar1',
		]);
		const leap = finder({ ...opts, asOf: new Date('2028-02-20T00:00:00Z'), lunarFromBirthday: false });
		expect(short(leap, { birthday: '2000-02-29' })).toEqual(['2028-02-29 birthday +9 age 28']);
	});

	it('looks across the year end', () => {
		const f = finder({
			asOf: new Date('2025-12-20T09:00:00+08:00'),
			window: { mode: 'nextDays', days: 20 },
			festivals: ['christmas', 'newYearsDay', 'springFestival'],
			lunarFromBirthday: false,
		});
		expect(short(f, { birthday: '1990-01-05', memberSince: '2024-12-31' })).toEqual([
			'2025-12-25 christmas +5',
			'2025-12-31 membershipAnniversary +11 years 1',
			'2026-01-01 newYearsDay +12',
			'2026-01-05 birthday +16 age 36',
		]);
	});

	it('finds occasions on one given date, with days counted from the as-of date', () => {
		const f = finder({ window: { mode: 'onDate', date: '2026-02-17' }, asOf: new Date('2026-02-01T00:00:00+08:00'), festivals: ['springFestival'] });
		// Lunar new year's day 2026 is 2026-02-17; someone born on lunar 1/1 of 1990 (1990-01-27).
		expect(short(f, { birthday: '1990-01-27' })).toEqual(['2026-02-17 lunarBirthday +16 age 36 1/1', '2026-02-17 springFestival +16']);
	});

	it('reads the local date of date-times given in UTC (a Shanghai midnight exported as 16:00Z)', () => {
		const f = finder({ festivals: [], lunarFromBirthday: false });
		expect(short(f, { birthday: '1990-07-04T16:00:00.000Z' })).toEqual(['2026-07-05 birthday +4 age 36']);
	});

	it('refuses a bad window', () => {
		expect(() => finder({ window: { mode: 'nextDays', days: 400 } })).toThrow('Look-ahead 400 is not valid');
		expect(() => finder({ window: { mode: 'onDate', date: '2026-02-30' } })).toThrow('Date "2026-02-30" is not a date');
	});
});

describe('cached readings', () => {
	it('checks a lunar date against the as-of day of each customer\'s own zone', () => {
		// 2025-09-15 00:00Z: already the 15th in Shanghai, still the 14th in New York. Lunar 2025-07-24 is 2025-09-15.
		const f = finder({ asOf: new Date('2025-09-15T00:00:00Z'), festivals: [] });
		expect(() => f.find({ lunarBirthday: '2025-07-24' })).not.toThrow();
		expect(() => f.find({ lunarBirthday: '2025-07-24', timeZone: 'America/New_York' })).toThrow(
			'field "lunarBirthday" is "2025-07-24", which lies after the as-of date 2025-09-14',
		);
	});

	it('reads a column used for birthdays and membership by the rules of each (MM-DD only for birthdays)', () => {
		const columns = { birthday: 'since', lunarBirthday: '', memberSince: 'since', firstPurchase: '', timeZone: '' };
		const shared = new OccasionFinder(
			{
				asOf: new Date('2026-07-01T10:00:00+08:00'),
				defaultTimeZone: 'Asia/Shanghai',
				window: { mode: 'nextDays', days: 75 },
				types: ['birthday', 'membershipAnniversary'],
				festivals: [],
				feb29: 'feb28',
				lunarFromBirthday: false,
				language: 'en',
			},
			columns,
		);
		expect(() => shared.find({ since: '07-10' })).toThrow('field "since" is "07-10", which is not a date');
	});

	it('puts a personal occasion before a festival on the same day, and festivals on one day by key', () => {
		// 2020-10-01 was both National Day and the Mid-Autumn Festival.
		const f = finder({
			asOf: new Date('2020-09-25T00:00:00Z'),
			window: { mode: 'nextDays', days: 10 },
			festivals: ['nationalDay', 'midAutumnFestival'],
			lunarFromBirthday: false,
		});
		expect(short(f, { memberSince: '2019-10-01', birthday: '1990-10-01' })).toEqual([
			'2020-10-01 birthday +6 age 30',
			'2020-10-01 membershipAnniversary +6 years 1',
			'2020-10-01 midAutumnFestival +6',
			'2020-10-01 nationalDay +6',
		]);
	});
});

describe('care occasions shared between customers', () => {
	const f = finder();
	const deepFrozen = (value: unknown): boolean =>
		typeof value !== 'object' || value === null || (Object.isFrozen(value) && Object.values(value).every(deepFrozen));

	it('gives every customer with only festivals the same frozen result, and the same frozen festivals to the others', () => {
		const plain = f.find({ customerId: 'A' });
		expect(f.find({ customerId: 'B' })).toBe(plain);
		expect(deepFrozen(plain)).toBe(true);
		expect(plain.occasions.map((o) => o.key)).toEqual(['qixiFestival']); // Mid-Autumn (25 September) lies after the window

		const withBirthday = f.find({ birthday: '1990-08-03', lunarBirthday: '' });
		expect(withBirthday).not.toBe(plain);
		expect(withBirthday.window).toBe(plain.window);
		const festivals = withBirthday.occasions.filter((o) => o.type === 'festival');
		expect(festivals).toEqual([...plain.occasions]);
		festivals.forEach((festival, i) => expect(festival).toBe(plain.occasions[i]));
	});

	it('refuses a change to a shared object instead of changing it for every customer', () => {
		const plain = f.find({});
		expect(() => {
			(plain.occasions[0] as { label: string }).label = 'changed';
		}).toThrow(TypeError);
		expect(() => {
			(plain as { count: number }).count = 0;
		}).toThrow(TypeError);
		expect(f.find({}).occasions[0].label).not.toBe('changed');
	});

	it('keeps customers in another time zone apart: their window and festivals are their own', () => {
		const shanghai = f.find({});
		const honolulu = f.find({ timeZone: 'Pacific/Honolulu' });
		expect(honolulu).not.toBe(shanghai);
		expect(honolulu.window).toEqual({ from: '2026-06-30', to: '2026-09-13' });
	});
});

describe('care occasions: dates read by the shared date parser, with its plausible range', () => {
	const f = finder();
	it.each([
		['birthday', 0],
		['birthday', -1],
		['birthday', 1e-320],
		['birthday', 1767225600000000],
		['birthday', '1850-07-10'],
		['birthday', '0001-07-10'],
		['memberSince', 0],
		['memberSince', '1899-12-31'],
		['firstPurchaseAt', -1],
		['firstPurchaseAt', 1e-320],
	])('rejects %s %j, naming the field, the value and the expected range', (field, value) => {
		const error = (() => {
			try {
				f.find({ [field]: value });
			} catch (e) {
				return e as InputError;
			}
			throw new Error('no error');
		})();
		expect(error).toBeInstanceOf(InputError);
		expect(error.field).toBe(field);
		expect(error.message.startsWith(`field "${field}" is ${typeof value === 'string' ? `"${value}"` : String(value)}, which`)).toBe(true);
		expect(error.message).toMatch(/a date from 1900-01-01 to 2199-12-31/);
		// The same text again: the remembered error, the same message.
		expect(() => f.find({ [field]: value })).toThrow(error.message);
	});

	it('rejects a text of microseconds as no epoch, naming the field, the value, the range and the forms', () => {
		expect(() => f.find({ birthday: '1767225600000000' })).toThrow(
			'field "birthday" is "1767225600000000", which is a number but not an epoch time (expected a date from 1900-01-01 to 2199-12-31: epoch seconds (9-11 digits) or milliseconds (12-13 digits), or ISO 8601, YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or epoch seconds/milliseconds)',
		);
	});

	it('still reads epoch seconds and milliseconds, date-times in the customer\'s zone, and month-days for birthdays', () => {
		const birthdays = finder({ types: ['birthday'], festivals: [] });
		// 1990-07-10T16:30:00Z is 1990-07-11 in Shanghai.
		expect(short(birthdays, { birthday: Date.UTC(1990, 6, 10, 16, 30) })).toEqual(['2026-07-11 birthday +10 age 36']);
		expect(short(birthdays, { birthday: Date.UTC(1990, 6, 10, 16, 30) / 1000 })).toEqual(['2026-07-11 birthday +10 age 36']);
		expect(short(birthdays, { birthday: '1990-07-10T16:30:00Z' })).toEqual(['2026-07-11 birthday +10 age 36']);
		expect(short(birthdays, { birthday: '07-12' })).toEqual(['2026-07-12 birthday +11 age null']);
	});

	it('gives someone born 1996-07-20 (lunar 6/5 of 1996) the lunar birthday 2026-07-18', () => {
		expect(short(f, { birthday: '1996-07-20' })[0]).toBe('2026-07-18 lunarBirthday +17 age 30 6/5');
	});
});
