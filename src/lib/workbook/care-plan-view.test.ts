import { describe, expect, it } from 'vitest';
import { carePlanView } from './care-plan-view.ts';

describe('a CARe practice entry as two plans for one goal', () => {
	it('pairs each step with the worker’s line of the same number, numbering and bullets aside', () => {
		const v = carePlanView({
			basis: 'fictional',
			wish: 'Sing in a choir again',
			goal: 'Join the parish choir by spring',
			steps: '1. Find the rehearsal times\n2) Go to one rehearsal\n\n- Ask a friend along',
			whoHelps: 'Ana',
			support: 'Looks up times together\nGoes along the first time'
		});
		expect(v.steps).toEqual([
			{ step: 'Find the rehearsal times', support: 'Looks up times together' },
			{ step: 'Go to one rehearsal', support: 'Goes along the first time' },
			{ step: 'Ask a friend along', support: '' }
		]);
		expect(v.supportForGoal).toEqual([]);
		expect(v).toMatchObject({ basis: 'fictional', goal: 'Join the parish choir by spring' });
	});

	it('keeps support written beyond the steps, for the goal as a whole', () => {
		const v = carePlanView({ steps: 'One step', support: 'For the step\nWeekly check-in' });
		expect(v.steps).toEqual([{ step: 'One step', support: 'For the step' }]);
		expect(v.supportForGoal).toEqual(['Weekly check-in']);
	});
});
