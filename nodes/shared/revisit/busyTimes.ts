/**
 * The times each owner is already taken, in absolute time (epoch ms, end exclusive). The capacity
 * ledger hands out slots on each customer's local day; when an owner's customers live in zones with
 * different offsets, slots of different grids can overlap (09:30 in Tokyo is 08:30 in Shanghai), so a
 * slot is also checked here before it is booked.
 *
 * Bookings arrive in no time order (urgent customers first, then the next priority fills the gaps in
 * between, zone by zone), so each owner's times are kept in a treap: a binary search tree on the start,
 * balanced by random priorities whatever the order of the adds, each node holding the latest end in
 * its subtree. Adding and asking cost O(log n) expected, where a sorted array cost O(n) per add
 * (200,000 bookings of one owner took seconds).
 */
export class OwnerBusyTimes {
	private readonly trees: Array<BusyTree | undefined>;

	constructor(ownerCount: number) {
		this.trees = new Array<BusyTree | undefined>(ownerCount).fill(undefined);
	}

	/** Whether [start, end) meets a time `owner` is already taken. */
	overlaps(owner: number, start: number, end: number): boolean {
		return this.trees[owner]?.overlaps(start, end) ?? false;
	}

	/** Marks [start, end) taken. */
	add(owner: number, start: number, end: number): void {
		let tree = this.trees[owner];
		if (tree === undefined) this.trees[owner] = tree = new BusyTree();
		tree.add(start, end);
	}
}

const NONE = -1;

/** One owner's taken times: a treap on typed arrays (no object per time), nodes numbered in order of adding. */
class BusyTree {
	private starts = new Float64Array(16);
	private ends = new Float64Array(16);
	/** The latest end in the node's subtree. */
	private reach = new Float64Array(16);
	private left = new Int32Array(16);
	private right = new Int32Array(16);
	private priority = new Uint32Array(16);
	private size = 0;
	private root = NONE;
	/** xorshift32 state: the priorities need only be unrelated to the starts, and the same in every run. */
	private seed = 0x9e3779b9;
	/** The two halves a split returns. */
	private lower = NONE;
	private upper = NONE;

	/** Whether any time starting before `end` lasts beyond `start`. */
	overlaps(start: number, end: number): boolean {
		const { starts, ends, reach, left, right } = this;
		let node = this.root;
		while (node !== NONE) {
			if (starts[node] < end) {
				// This time and all its left subtree start before `end`.
				const l = left[node];
				if (ends[node] > start || (l !== NONE && reach[l] > start)) return true;
				node = right[node];
			} else node = left[node];
		}
		return false;
	}

	add(start: number, end: number): void {
		if (this.size === this.starts.length) this.grow();
		const node = this.size++;
		this.starts[node] = start;
		this.ends[node] = end;
		this.reach[node] = end;
		this.left[node] = NONE;
		this.right[node] = NONE;
		let x = this.seed;
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		this.seed = x >>> 0;
		this.priority[node] = this.seed;
		this.root = this.insert(this.root, node);
	}

	/** Puts `node` into the subtree `tree`, returning the subtree's new root. Depth O(log n) expected. */
	private insert(tree: number, node: number): number {
		if (tree === NONE) return node;
		if (this.priority[node] > this.priority[tree]) {
			this.split(tree, this.starts[node]);
			this.left[node] = this.lower;
			this.right[node] = this.upper;
		} else if (this.starts[node] < this.starts[tree]) {
			this.left[tree] = this.insert(this.left[tree], node);
		} else {
			this.right[tree] = this.insert(this.right[tree], node);
		}
		const root = this.priority[node] > this.priority[tree] ? node : tree;
		this.update(root);
		return root;
	}

	/** Splits `tree` into the times starting before `key` (this.lower) and the others (this.upper). */
	private split(tree: number, key: number): void {
		if (tree === NONE) {
			this.lower = NONE;
			this.upper = NONE;
			return;
		}
		if (this.starts[tree] < key) {
			this.split(this.right[tree], key);
			this.right[tree] = this.lower;
			this.lower = tree;
		} else {
			this.split(this.left[tree], key);
			this.left[tree] = this.upper;
			this.upper = tree;
		}
		this.update(tree);
	}

	private update(node: number): void {
		let latest = this.ends[node];
		const l = this.left[node];
		const r = this.right[node];
		if (l !== NONE && this.reach[l] > latest) latest = this.reach[l];
		if (r !== NONE && this.reach[r] > latest) latest = this.reach[r];
		this.reach[node] = latest;
	}

	private grow(): void {
		const capacity = this.starts.length * 2;
		const grown = <T extends Float64Array | Int32Array | Uint32Array>(array: T, make: new (n: number) => T): T => {
			const bigger = new make(capacity);
			bigger.set(array);
			return bigger;
		};
		this.starts = grown(this.starts, Float64Array);
		this.ends = grown(this.ends, Float64Array);
		this.reach = grown(this.reach, Float64Array);
		this.left = grown(this.left, Int32Array);
		this.right = grown(this.right, Int32Array);
		this.priority = grown(this.priority, Uint32Array);
	}
}
