/**
 * Whose turn it is in round-robin assignment: the one place the rotation is kept. Owners take turns
 * in pool order; the turn passes on when an owner is given a customer, or, when every customer keeps
 * the owner whose turn it was (waiting for that owner's next open day), with every customer.
 */
export class OwnerRotation {
	private turn = 0;

	constructor(private readonly count: number) {}

	/** The k-th owner in turn order, from the one whose turn it is. */
	inTurn(k: number): number {
		return (this.turn + k) % this.count;
	}

	/** The owner whose turn it is; the turn passes to the next owner. */
	take(): number {
		const owner = this.turn;
		this.turn = (owner + 1) % this.count;
		return owner;
	}

	/** `owner` was given a customer: the turn passes to the owner after them. */
	servedBy(owner: number): void {
		this.turn = (owner + 1) % this.count;
	}
}
