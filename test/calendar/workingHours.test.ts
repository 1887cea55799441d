import { appointmentSlots, formatWindow, parseWorkingHours } from '../../nodes/shared/calendar';
import { ConfigError } from '../../nodes/shared/input';

describe('working hours', () => {
	it('parses windows, sorted, with Chinese separators and a 24:00 end', () => {
		expect(parseWorkingHours('14:00-18:00, 09:30-12:00')).toEqual([
			{ start: 570, end: 720 },
			{ start: 840, end: 1080 },
		]);
		expect(parseWorkingHours('9:00-12:00，13:30～17:30').map(formatWindow)).toEqual(['09:00-12:00', '13:30-17:30']);
		expect(parseWorkingHours('20:00-24:00')).toEqual([{ start: 1200, end: 1440 }]);
	});

	it.each([
		['25:00-26:00', '"25:00-26:00" starts at 25:00, which is not a time of day'],
		['9-12', '"9-12" is not a time window'],
		['09:00-12:60', 'ends at 12:60, which is not a time of day'],
		['12:00-09:00', '"12:00-09:00" crosses midnight; a day\'s hours run from 00:00 to 24:00, so write it as 12:00-24:00, 00:00-09:00'],
		['22:00-02:00', '"22:00-02:00" crosses midnight; a day\'s hours run from 00:00 to 24:00, so write it as 22:00-24:00, 00:00-02:00 (the hours after midnight are then the next day\'s)'],
		['09:00-09:00', '"09:00-09:00" ends when it starts'],
		['09:00-12:00, 11:00-13:00', '"11:00-13:00" overlaps 09:00-12:00'],
		['', 'Working hours are empty'],
	])('rejects %j naming the bad part', (text, message) => {
		expect(() => parseWorkingHours(text)).toThrow(ConfigError);
		expect(() => parseWorkingHours(text)).toThrow(message);
	});

	it('cuts windows into appointment slots and drops a short remainder', () => {
		const slots = appointmentSlots(parseWorkingHours('09:30-12:00, 14:00-15:10'), 30);
		expect(slots.map(formatWindow)).toEqual([
			'09:30-10:00',
			'10:00-10:30',
			'10:30-11:00',
			'11:00-11:30',
			'11:30-12:00',
			'14:00-14:30',
			'14:30-15:00',
		]);
	});

	it('refuses an appointment length that fits nowhere, or is not a positive whole number', () => {
		expect(() => appointmentSlots(parseWorkingHours('09:00-09:20'), 30)).toThrow('No 30-minute appointment fits in the working hours 09:00-09:20 (expected a window at least as long as one appointment, or a shorter appointment length)');
		expect(() => appointmentSlots(parseWorkingHours('09:00-12:00'), 0)).toThrow('Appointment length 0 is not valid');
	});
});
