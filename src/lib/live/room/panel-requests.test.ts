import { describe, expect, it } from 'vitest';
import { createResponseOrder } from './panel-requests.ts';

describe(createResponseOrder.name, () => {
	it('shows a response only if no later request was shown already', () => {
		const order = createResponseOrder();
		const refresh = order.ticket();
		const answer = order.ticket();
		// The answer's page comes back first; the refresh sent before it is then stale.
		expect(order.isNewest(answer)).toBe(true);
		expect(order.isNewest(refresh)).toBe(false);
		const later = order.ticket();
		expect(order.isNewest(later)).toBe(true);
	});
});
