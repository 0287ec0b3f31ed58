/*
 * The one contract for live events: every kind the server writes to `live_events`, what it
 * carries and who may receive it. The server's writers, the event stream and both clients
 * (the participant page's script and the hydrated console and projector) take their types
 * from here, so an unknown kind or a wrong payload fails `npm run check` wherever it is
 * written. Universal: no server imports, since the browser bundles import it too.
 */

/** Who receives an event: everyone in the session, or the facilitators only. */
export type LiveAudience = 'all' | 'facilitators';

/** The running activity, as stored in `live_state.activity` and sent in `state` events. */
export type LiveActivityState = {
	blockId: string;
	status: 'open' | 'closed';
	revealed: boolean;
	startedAt: string;
};

/** What the group sees of an activity once it is revealed: counts and shared texts, no names. */
export type LiveResults = {
	answered: number;
	passed: number;
	counts: { key: string; count: number }[];
	texts: { id: string; text: string; column?: string; votes?: number }[];
};

/**
 * Where the session is, as every client may know it: group sizes travel, never who is in
 * which group (pages resolve that per viewer).
 */
export type PublicLiveState = {
	blockIndex: number;
	blockStartedAt: string;
	activity: LiveActivityState | null;
	timerEndsAt: string | null;
	breakoutGroups: number[] | null;
};

/** Each kind of live event and its payload. Kinds are facts, so they read as past events. */
export type LiveEventPayloads = {
	/** The agenda block, the activity, the timer or the breakout groups changed. */
	state: PublicLiveState;
	/** The revealed results of an activity changed (a reveal, a late answer, an upvote). */
	results: { blockId: string; results: LiveResults };
	/** Answers to an activity came in; facilitators see the count before any reveal. */
	answered: { blockId: string };
	/** Someone asked for "a moment"; facilitators only, and only the display name. */
	moment: { id: string; name: string };
	/** A facilitator acknowledged an "I need a moment" signal. */
	'moment-ack': { id: string };
	/** A facilitator hid a contribution from the revealed results. */
	hidden: { id: string; blockId: string };
};

export type LiveEventKind = keyof LiveEventPayloads;

/*
 * The audience belongs to the kind, not to each writer: a signal for facilitators can never
 * be written for everyone by mistake. `satisfies` makes a kind missing here, or one that is
 * not in the payload map, a type error.
 */
const AUDIENCES = {
	state: 'all',
	results: 'all',
	answered: 'facilitators',
	moment: 'facilitators',
	'moment-ack': 'all',
	hidden: 'all'
} as const satisfies Record<LiveEventKind, LiveAudience>;

/** Every live event kind, once. */
export const LIVE_EVENT_KINDS = Object.keys(AUDIENCES) as readonly LiveEventKind[];

/** The kinds a participant's stream carries. */
export type ParticipantEventKind = {
	[K in LiveEventKind]: (typeof AUDIENCES)[K] extends 'all' ? K : never;
}[LiveEventKind];

export const PARTICIPANT_EVENT_KINDS = LIVE_EVENT_KINDS.filter(
	(k): k is ParticipantEventKind => AUDIENCES[k] === 'all'
);

export function audienceOf(kind: LiveEventKind): LiveAudience {
	return AUDIENCES[kind];
}

/** One live event: a kind and the payload that kind carries (a discriminated union). */
export type LiveEvent<K extends LiveEventKind = LiveEventKind> = {
	[P in K]: { kind: P; payload: LiveEventPayloads[P] };
}[K];

/** An event as a stream delivers it: with the id a reconnecting client resumes after. */
export type ReceivedLiveEvent<K extends LiveEventKind = LiveEventKind> = {
	[P in K]: LiveEvent<P> & { id: number };
}[K];
