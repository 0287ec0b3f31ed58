import { createHmac } from 'node:crypto';

/*
 * RFC 6238 (TOTP, SHA-1, 30 s, 6 digits) written out here rather than taken from the library
 * under test, so the tests compute codes the way any authenticator app does.
 */
function base32Decode(s: string): Buffer {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = '';
	for (const c of s.replace(/=+$/, '').toUpperCase()) {
		const v = alphabet.indexOf(c);
		if (v < 0) throw new Error(`not base32: ${c}`);
		bits += v.toString(2).padStart(5, '0');
	}
	const bytes = [];
	for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
	return Buffer.from(bytes);
}

export function totpCode(base32Secret: string, at = Date.now(), stepOffset = 0): string {
	const counter = Math.floor(at / 1000 / 30) + stepOffset;
	const msg = Buffer.alloc(8);
	msg.writeBigUInt64BE(BigInt(counter));
	const mac = createHmac('sha1', base32Decode(base32Secret)).update(msg).digest();
	const o = mac[mac.length - 1] & 0xf;
	const n = (mac.readUInt32BE(o) & 0x7fffffff) % 1_000_000;
	return String(n).padStart(6, '0');
}

/** The base32 secret in an otpauth:// URI. */
export function secretOf(uri: string): string {
	const s = new URL(uri).searchParams.get('secret');
	if (!s) throw new Error('no secret in the URI');
	return s;
}
