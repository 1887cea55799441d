import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

describe('Schedule Revisit: offsets of any zone on any accepted date are ISO 8601 offsets', () => {
	it('writes a local mean time with seconds (Shanghai before 1901, Kolkata before 1942) in whole minutes, and the agenda has a real date', async () => {
		const result = await runNode({
			type: 'scheduleRevisit',
			parameters: { operation: 'scheduleRevisit', asOf: '1900-03-01T10:00:00+08:00', timeZone: 'Asia/Shanghai', workingHours: '09:00-11:00', owners: { owner: [{ id: 'alice', dailyCapacity: 3 }] } },
			items: [{ customerId: 'A' }, { customerId: 'B', timeZone: 'Asia/Kolkata' }],
		});
		expect(result.error).toBeUndefined();
		const revisits = result.json(NODE_UNDER_TEST, 0).map((j) => j.revisit as IDataObject);
		// Shanghai's LMT is +08:05:43, Kolkata's (Madras time) +05:21:10: rounded to +08:06 and +05:21.
		expect(revisits.map((r) => [r.slotStart, r.slotEnd])).toEqual([
			['1900-04-02T09:00:00+08:06', '1900-04-02T09:30:00+08:06'],
			['1900-04-02T09:30:00+05:21', '1900-04-02T10:00:00+05:21'],
		]);
		for (const r of revisits) for (const key of ['dueAt', 'slotStart', 'slotEnd']) expect(r[key]).toMatch(ISO_WITH_OFFSET);
		// The calendar event is the instant the text names.
		expect(revisits[0].vevent).toContain('DTSTART:19000402T005400Z');
		const agendas = result.json(NODE_UNDER_TEST, 1);
		expect(agendas.map((a) => a.date)).toEqual(['1900-04-02']);
		// (ICU names Kolkata by its old canonical name, Asia/Calcutta.)
		expect(agendas[0].message).toMatch(/\(customer's time 09:30 Asia\/(Kolkata|Calcutta)\)/);
		expect(agendas[0].message).not.toMatch(/NaN/);
	});
});
