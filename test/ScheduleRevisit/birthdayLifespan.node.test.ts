import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

/**
 * A birthday is a date in a living customer's life: one that makes them older than anyone has lived
 * (122 years) is a stand-in for an unknown date, such as SQL Server's zero date 1900-01-01, and would
 * send a "happy 126th birthday" every New Year. It is the item's error, naming the field and the value;
 * member-since and first-purchase dates keep the package's plausible range.
 */
describe('Schedule Revisit, "Find care occasions": a birthday within a lifespan', () => {
	const parameters = {
		operation: 'findOccasions',
		asOf: '2026-01-20T10:00:00+08:00',
		timeZone: 'Asia/Shanghai',
		lookAheadDays: 30,
		festivals: [],
		lunarFromBirthday: true,
	};

	it('refuses a Gregorian or lunar birthday more than 122 years back, and keeps one at 122 years', async () => {
		const result = await runNode({
			type: 'scheduleRevisit',
			parameters,
			items: [
				{ customerId: 'zero', birthday: '1900-01-01', memberSince: '1900-01-01' },
				{ customerId: 'epoch', birthday: -2208988800 },
				{ customerId: 'lunar', lunarBirthday: '1900-01-01' }, // 1900-01-31
				{ customerId: 'turned123', birthday: '1903-01-20' },
				{ customerId: 'is122', birthday: '1903-01-21' },
				{ customerId: 'member', memberSince: '1900-01-25' },
				{ customerId: 'noYear', birthday: '01-01' },
			],
			onError: 'continueErrorOutput',
		});
		expect(result.error).toBeUndefined();
		const kept = result.json(NODE_UNDER_TEST, 0);
		const occasions = (j: IDataObject) => ((j.revisit as IDataObject).occasions as IDataObject[]).map((o) => `${o.type} ${o.date} ${o.age ?? o.years}`);
		expect(kept.map((j) => [j.customerId, occasions(j)])).toEqual([
			['is122', ['birthday 2026-01-21 123', 'lunarBirthday 2026-02-10 123']],
			['member', ['membershipAnniversary 2026-01-25 126']],
			['noYear', []],
		]);
		// Output 1 is the Owner Agenda (empty here); failed items leave on the error output.
		expect(result.json(NODE_UNDER_TEST, 2).map((j) => j.error)).toEqual([
			'Item 0: field "birthday" is "1900-01-01", which makes the customer 126 years old on the as-of date 2026-01-20, older than anyone has lived (expected a birthday at most 122 years before the as-of date, or no value when it is unknown (a stand-in such as 1900-01-01 is no birthday))',
			'Item 1: field "birthday" is -2208988800, which makes the customer 126 years old on the as-of date 2026-01-20, older than anyone has lived (expected a birthday at most 122 years before the as-of date, or no value when it is unknown (a stand-in such as 1900-01-01 is no birthday))',
			'Item 2: field "lunarBirthday" is "1900-01-01", which makes the customer 125 years old on the as-of date 2026-01-20, older than anyone has lived (expected a birthday at most 122 years before the as-of date, or no value when it is unknown (a stand-in such as 1900-01-01 is no birthday))',
			'Item 3: field "birthday" is "1903-01-20", which makes the customer 123 years old on the as-of date 2026-01-20, older than anyone has lived (expected a birthday at most 122 years before the as-of date, or no value when it is unknown (a stand-in such as 1900-01-01 is no birthday))',
		]);
	});
});
