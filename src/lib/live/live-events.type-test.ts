/*
 * Compile-time checks of the live event contract in both clients. Never run: `npm run check`
 * fails when one of these lines stops being an error ("Unused '@ts-expect-error' directive").
 */
import { followStream } from './follow-stream.ts';
import { LIVE_EVENT_KINDS, type ParticipantEventKind } from './live-events.ts';

/** The console and projector (screen/live-screen.ts): every kind, payloads typed by kind. */
export function screenReadsPayloadsByKind() {
	return followStream({
		sessionId: 's',
		lastEventId: 0,
		kinds: LIVE_EVENT_KINDS,
		onEvent: (e) => {
			if (e.kind === 'moment') return e.payload.name;
			// @ts-expect-error `moment-ack` carries only the signal's id
			if (e.kind === 'moment-ack') return e.payload.name;
		}
	});
}

/** The participant page's script (room/live-room.ts): its kinds and payloads. */
export function participantFollowsOnlyItsKinds() {
	return [
		followStream<ParticipantEventKind>({
			sessionId: 's',
			lastEventId: 0,
			// @ts-expect-error facilitators' events never reach a participant's stream
			kinds: ['state', 'moment'],
			onEvent: () => {}
		}),
		followStream<ParticipantEventKind>({
			sessionId: 's',
			lastEventId: 0,
			// @ts-expect-error an unknown kind
			kinds: ['state', 'answer'],
			onEvent: (e) => {
				// @ts-expect-error the state's timer is `timerEndsAt`
				if (e.kind === 'state') return e.payload.timerEnds;
			}
		})
	];
}
