import { checkTimeZone } from '../calendar/timeZone';
import { customerIdText } from '../customers/records';
import { parseDate } from '../input/dates';
import { ConfigError, describeValue, InputError } from '../input/errors';
import { isEmpty } from '../input/fields';
import { checkKeyNumber } from '../input/numbers';

/**
 * A revisit booked outside this run (an earlier page, yesterday's run, another branch): it takes its
 * owner's capacity on its day and holds its time, as a customer's own planned revisit does.
 */
export interface Booking {
	owner: string;
	startMs: number;
	/** Undefined when the entry gives no end: one appointment length from the start. */
	endMs?: number;
	/** The zone whose local day the booking counts on (the booked customer's), also for times without an offset. */
	timeZone: string;
	/** The booked customer, when given: a customer of this run's input is scheduled from their own item instead. */
	customerId?: string;
	/** Where the entry is in the list ("[3]", "[3].customers[1]"), for messages. */
	path: string;
}

const MAX_BOOKING_MS = 86_400_000;
const ENTRY_EXPECTED = 'an object with owner and slotStart (slotEnd, timeZone and customerId optional), or an Owner Agenda item';

type Entry = Record<string, unknown>;

const isEntry = (value: unknown): value is Entry => value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

/**
 * Reads the Already Booked list: the parameter's value (a list, one object, or their JSON text) into
 * bookings. Entries are booking rows `{ owner, slotStart, slotEnd?, timeZone?, customerId? }` (a
 * database's `slot_start` / `slot_end` / `customer_id` / `time_zone` too), Owner Agenda items of earlier
 * runs (each of their customers is a booking of the agenda's owner) or n8n items holding either under
 * `json`. A time without an offset is read in the entry's time zone, else in `defaultTimeZone`. Any bad
 * entry stops the run with a ConfigError naming the parameter, the entry, the field and the value.
 */
export function readBookings(value: unknown, label: string, defaultTimeZone: string): Booking[] {
	const list = bookingList(value, label);
	const bookings: Booking[] = [];
	for (let i = 0; i < list.length; i++) {
		let entry = list[i];
		if (isEntry(entry) && entry.owner === undefined && isEntry(entry.json)) entry = entry.json;
		const path = `[${i}]`;
		if (!isEntry(entry)) throw new ConfigError(`Parameter "${label}"${shortValue(value)}, entry ${path}, is ${describeValue(entry)}, which is not a booking (expected ${ENTRY_EXPECTED})`);
		if (Array.isArray(entry.customers)) {
			const owner = ownerOf(entry, label, path);
			entry.customers.forEach((customer, c) => {
				const at = `${path}.customers[${c}]`;
				if (!isEntry(customer)) throw new ConfigError(`Parameter "${label}", entry ${at}, is ${describeValue(customer)}, which is not an agenda entry (expected an object with slotStart)`);
				bookings.push(readBooking(customer, owner, label, at, defaultTimeZone));
			});
		} else {
			bookings.push(readBooking(entry, ownerOf(entry, label, path), label, path, defaultTimeZone));
		}
	}
	return bookings;
}

/**
 * The parameter's value in a message about one of its entries, when it is short enough to read ([1,2]):
 * the entry alone may not show what the expression gave. A real list of bookings is not repeated.
 */
function shortValue(value: unknown): string {
	const text = describeValue(value);
	return text.length <= 100 ? ` (${text})` : '';
}

function bookingList(value: unknown, label: string): unknown[] {
	// A null from an expression is a lookup that found nothing, not "no bookings": read as none, every
	// owner's capacity would be refilled without a word. Undefined and an empty text are the parameter left empty.
	if (value !== null && isEmpty(value)) return [];
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value) as unknown;
		} catch {
			throw new ConfigError(`Parameter "${label}" is ${describeValue(value)}, which is not valid JSON (expected ${listExpected})`);
		}
	}
	if (Array.isArray(parsed)) return parsed;
	if (isEntry(parsed)) return [parsed];
	throw new ConfigError(`Parameter "${label}" is ${describeValue(value)}, which is not a list of bookings (expected ${listExpected})`);
}

const listExpected = 'a list of bookings, e.g. {{ $(\'Read bookings\').all().map(i => i.json) }}';

/** A field given under its camelCase name or as a database column (snake_case); both given must agree. */
function field(entry: Entry, camel: string, snake: string): { name: string; value: unknown } {
	const a = entry[camel];
	const b = entry[snake];
	if (!isEmpty(a) && !isEmpty(b) && a !== b && !(a instanceof Date && b instanceof Date && a.getTime() === b.getTime())) {
		throw new InputError(snake, b, `differs from ${camel} ${describeValue(a)}`, `${camel} or ${snake}, or both the same`);
	}
	return isEmpty(a) && !isEmpty(b) ? { name: snake, value: b } : { name: camel, value: a };
}

/** Runs a reader of one field, turning its InputError into an error of this entry of the parameter. */
function inEntry<T>(label: string, path: string, read: () => T): T {
	try {
		return read();
	} catch (error) {
		if (error instanceof InputError || error instanceof ConfigError) throw new ConfigError(`Parameter "${label}", entry ${path}: ${error.message}`);
		throw error;
	}
}

function ownerOf(entry: Entry, label: string, path: string): string {
	const owner = entry.owner;
	return inEntry(label, path, () => {
		if (isEmpty(owner)) throw new InputError('owner', owner, owner === undefined ? 'every booking needs' : 'is empty', 'the owner ID of the booking');
		if (typeof owner === 'string') return owner.trim();
		if (typeof owner === 'number' && Number.isFinite(owner)) {
			checkKeyNumber(owner, 'owner', 'owners', 'Owner IDs');
			return String(owner);
		}
		if (typeof owner === 'bigint') return String(owner);
		throw new InputError('owner', owner, 'is not a text or number', 'the owner ID of the booking');
	});
}

function readBooking(entry: Entry, owner: string, label: string, path: string, defaultTimeZone: string): Booking {
	return inEntry(label, path, () => {
		const zone = field(entry, 'timeZone', 'time_zone');
		const timeZone = isEmpty(zone.value) ? defaultTimeZone : checkTimeZone(zone.value, zone.name);
		const start = field(entry, 'slotStart', 'slot_start');
		if (isEmpty(start.value)) throw new InputError(start.name, start.value, start.value === undefined ? 'every booking needs' : 'is empty', 'the date and time the booking starts');
		const startMs = parseDate(start.value, start.name, { timeZone }).getTime();
		const booking: Booking = { owner, startMs, timeZone, path };
		const end = field(entry, 'slotEnd', 'slot_end');
		if (!isEmpty(end.value)) {
			const endMs = parseDate(end.value, end.name, { timeZone }).getTime();
			if (endMs <= startMs) throw new InputError(end.name, end.value, `is not after ${start.name} ${describeValue(start.value)}`, 'the end of the booking, after its start');
			if (endMs - startMs > MAX_BOOKING_MS) {
				throw new InputError(end.name, end.value, `is more than a day after ${start.name} ${describeValue(start.value)}`, 'a booking of at most 24 hours');
			}
			booking.endMs = endMs;
		}
		const customer = field(entry, 'customerId', 'customer_id');
		if (!isEmpty(customer.value)) booking.customerId = customerIdText(customer.value, customer.name);
		return booking;
	});
}
