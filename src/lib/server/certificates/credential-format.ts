import { gunzipSync, gzipSync } from 'node:zlib';
import type { CertificateFacts } from '../db/schema/index.ts';
import { titleIn } from './certificate-facts.ts';

/*
 * The shapes of the organisation's credentials (ADR 023): an Open Badges 3.0
 * OpenBadgeCredential and a Bitstring Status List, both W3C Verifiable Credentials 2.0,
 * secured as JWTs (VC-JOSE-COSE). Pure functions; signing is in sign-credential.ts.
 */

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/* Bitstring Status List: at least 16 KB of bits, so one revocation does not stand out. */
export const STATUS_LIST_BITS = 131_072;

/** did:web for the origin's host; a port is part of the host, written %3A. */
export function didWeb(origin: string) {
	return `did:web:${new URL(origin).host.replace(':', '%3A')}`;
}

export function verifyUrl(origin: string, code: string) {
	return `${origin}/verify/${code}`;
}

export function statusListUrl(origin: string) {
	return `${origin}/credentials/status`;
}

/** The DID document at /.well-known/did.json: the public key that verifies credentials. */
export function didDocument(origin: string, kid: string, publicJwk: Record<string, string>) {
	const did = didWeb(origin);
	const id = `${did}#${kid}`;
	return {
		'@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
		id: did,
		verificationMethod: [
			{
				id,
				type: 'JsonWebKey2020',
				controller: did,
				publicKeyJwk: { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x }
			}
		],
		assertionMethod: [id],
		authentication: [id]
	};
}

export function openBadgeCredential(a: {
	origin: string;
	code: string;
	statusIndex: number;
	name: string;
	facts: CertificateFacts;
	issuedAt: Date;
	locale: string;
}) {
	const did = didWeb(a.origin);
	const url = verifyUrl(a.origin, a.code);
	const title = titleIn(a.facts, a.locale);
	return {
		'@context': [VC_CONTEXT, OB_CONTEXT],
		id: url,
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		issuer: { id: did, type: ['Profile'], name: a.facts.organisation },
		validFrom: a.issuedAt.toISOString(),
		name: title,
		credentialSubject: {
			type: ['AchievementSubject'],
			identifier: [
				{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: a.name }
			],
			achievement: {
				id: `${a.origin}/courses/${a.facts.courseSlug}`,
				type: ['Achievement'],
				achievementType: 'Course',
				name: title,
				description: title,
				criteria: { narrative: `${a.facts.sessions.length} sessions; completion rule of the group` }
			},
			result: [
				{ type: ['Result'], value: String(a.facts.minutesAttended), resultDescription: 'minutes' }
			]
		},
		credentialStatus: {
			id: `${statusListUrl(a.origin)}#${a.statusIndex}`,
			type: 'BitstringStatusListEntry',
			statusPurpose: 'revocation',
			statusListIndex: String(a.statusIndex),
			statusListCredential: statusListUrl(a.origin)
		}
	};
}

/** Bit i is the i-th bit from the left of the first byte (Bitstring Status List). */
export function encodeStatusList(setIndexes: number[]) {
	const bits = Math.max(STATUS_LIST_BITS, Math.ceil((Math.max(0, ...setIndexes) + 1) / 8) * 8);
	const bytes = new Uint8Array(bits / 8);
	for (const i of setIndexes) bytes[i >> 3] |= 0x80 >> (i & 7);
	return 'u' + Buffer.from(gzipSync(bytes)).toString('base64url');
}

export function isStatusSet(encodedList: string, index: number) {
	const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
	return (bytes[index >> 3] & (0x80 >> (index & 7))) !== 0;
}

export function statusListCredential(origin: string, encodedList: string, now: Date) {
	return {
		'@context': [VC_CONTEXT],
		id: statusListUrl(origin),
		type: ['VerifiableCredential', 'BitstringStatusListCredential'],
		issuer: didWeb(origin),
		validFrom: now.toISOString(),
		credentialSubject: {
			id: `${statusListUrl(origin)}#list`,
			type: 'BitstringStatusList',
			statusPurpose: 'revocation',
			encodedList
		}
	};
}
